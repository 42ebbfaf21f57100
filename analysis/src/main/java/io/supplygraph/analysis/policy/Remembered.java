package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.view.Violation;
import java.util.Optional;

/**
 * A package or a finding as rules read it, with what each rule found about it, by the rule's index. Over a portfolio
 * the same package and finding are in thousands of applications, so an outcome that is the same in every one
 * ({@link CompiledRule#sameInEveryDocument}) is evaluated once and kept here, and so is the waiver of a violation
 * of it, which depends only on the rule, the purl and the vulnerability. Kept on the value rather than in maps keyed
 * by it: on FixBench's store, looking up millions of (application, package or finding) pairs in maps of a hundred
 * thousand keys cost several times more CPU than evaluating the rules (bench/README.md).
 */
abstract class Remembered {

    private final CompiledRule.Outcome[] outcomes;
    private final Object[] waivers;

    /** @param rules how many rules the policy has */
    Remembered(int rules) {
        this.outcomes = new CompiledRule.Outcome[rules];
        this.waivers = new Object[rules];
    }

    /** How many rules the policy has. */
    final int rules() {
        return outcomes.length;
    }

    /** The rule's outcome, or null before it was evaluated here. */
    final CompiledRule.Outcome outcome(int rule) {
        return outcomes[rule];
    }

    final void remember(int rule, CompiledRule.Outcome outcome) {
        outcomes[rule] = outcome;
    }

    /** The waiver of a violation of the rule here, or null before it was looked for. */
    @SuppressWarnings("unchecked")
    final Optional<Violation.Waiver> waiver(int rule) {
        return (Optional<Violation.Waiver>) waivers[rule];
    }

    final void rememberWaiver(int rule, Optional<Violation.Waiver> waiver) {
        waivers[rule] = waiver;
    }
}
