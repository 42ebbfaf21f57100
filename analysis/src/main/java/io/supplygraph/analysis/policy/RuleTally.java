package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.view.PolicyReport.RuleOutcome;
import io.supplygraph.analysis.view.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule's evaluations over a check: its violations, how often it ran and failed to. A rule whose outcome is the
 * same in every application ({@link CompiledRule#sameInEveryDocument}) remembers it per package and finding: over a
 * portfolio, where 5,000 SBOMs share most of their packages, most evaluations are then look-ups. They are looked up
 * by identity: {@link DocumentPackages} gives one map per distinct package value and the check one per finding, so
 * the same instance means the same values, and hashing the maps' contents (lists of licences, aliases, fixed
 * versions) for every one of millions of evaluations cost more than evaluating them.
 */
final class RuleTally {

    private static final Comparator<Violation> ORDER = Comparator
            .comparing(Violation::subject, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Violation::document)
            .thenComparing(Violation::purl, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Violation::finding, Comparator.nullsLast(Comparator.naturalOrder()));

    final CompiledRule rule;
    final List<Violation> violations = new ArrayList<>();
    /** By the package's map, then the finding's (or null for a rule about packages). */
    private final Map<Object, Map<Object, CompiledRule.Outcome>> remembered;
    private long evaluated;
    private long errors;
    private String firstError;

    RuleTally(CompiledRule rule) {
        this.rule = rule;
        this.remembered = rule.sameInEveryDocument() ? new IdentityHashMap<>() : null;
    }

    /**
     * Evaluates the rule on these variables; {@code pkg} and {@code finding} are the maps bound to them (finding
     * null for a rule about packages), under which an outcome that is the same in every application is remembered.
     */
    boolean violated(Map<String, Object> variables, Object pkg, Object finding) {
        evaluated++;
        CompiledRule.Outcome outcome = remembered == null ? rule.evaluate(variables)
                : remembered.computeIfAbsent(pkg, k -> new IdentityHashMap<>())
                        .computeIfAbsent(finding == null ? this : finding, k -> rule.evaluate(variables));
        if (outcome.error() != null) {
            errors++;
            if (firstError == null) {
                firstError = outcome.error();
            }
        }
        return outcome.violated();
    }

    RuleOutcome outcome() {
        violations.sort(ORDER);
        Rule r = rule.rule();
        return new RuleOutcome(r.name(), r.action(), r.message(), r.line(), evaluated, errors, firstError,
                List.copyOf(violations));
    }
}
