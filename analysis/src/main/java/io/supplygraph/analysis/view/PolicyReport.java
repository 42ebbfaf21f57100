package io.supplygraph.analysis.view;

import java.util.List;

/**
 * What {@code check} found: per rule of the policy, in the policy's order, its violations.
 *
 * @param documents the SBOM documents the policy was evaluated on
 * @param rules     every rule, violated or not
 */
public record PolicyReport(int documents, List<RuleOutcome> rules) {

    /** Some {@code fail} rule has a violation that no waiver in force waives: {@code check} exits 1. */
    public boolean failed() {
        return rules.stream().anyMatch(r -> r.action() == PolicyAction.FAIL
                && r.violations().stream().anyMatch(Violation::standing));
    }

    /** Every violation, rule by rule. */
    public List<Violation> violations() {
        return rules.stream().flatMap(r -> r.violations().stream()).toList();
    }

    /**
     * One rule's outcome.
     *
     * @param line       the rule's line in the policy file
     * @param evaluated  how many times it was evaluated (once per document, package or finding, as it asks)
     * @param errors     how many of those evaluations failed (such as reading a value that is absent without
     *                   {@code has()}); they count as not violated
     * @param firstError the first such failure's message, or null
     */
    public record RuleOutcome(String name, PolicyAction action, String message, int line, long evaluated,
            long errors, String firstError, List<Violation> violations) {}
}
