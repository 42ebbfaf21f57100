package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.view.PolicyReport.RuleOutcome;
import io.supplygraph.analysis.view.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One rule's evaluations over a check: its violations, how often it ran and failed to. A rule whose outcome is the
 * same in every application ({@link CompiledRule#sameInEveryDocument}) remembers it on the package or finding
 * ({@link Remembered}): over a portfolio, where 5,000 SBOMs share most of their packages, most evaluations are then
 * a field read. Each evaluation is counted, remembered or not, and so is each that failed.
 */
final class RuleTally {

    private static final Comparator<Violation> ORDER = Comparator
            .comparing(Violation::subject, sameFirst(Comparator.nullsLast(Comparator.naturalOrder())))
            .thenComparing(Violation::document, sameFirst(Comparator.naturalOrder()))
            .thenComparing(Violation::purl, sameFirst(Comparator.nullsLast(Comparator.naturalOrder())))
            .thenComparing(Violation::finding, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Where an outcome is kept: what it depends on. */
    private enum Kept {
        /** It reads the application: evaluated every time. */
        NOWHERE,
        /** A rule about packages: on the package value. */
        ON_PACKAGE,
        /** A rule about findings that reads no package: on the finding. */
        ON_FINDING,
        /** A rule about findings that reads the package too: on the finding, per package value. */
        ON_FINDING_PER_PACKAGE
    }

    final CompiledRule rule;
    /** Its place in the policy: where {@link Remembered} keeps what it found. */
    final int index;
    final List<Violation> violations = new ArrayList<>();
    private final Kept kept;
    private long evaluated;
    private long errors;
    private String firstError;

    RuleTally(CompiledRule rule, int index) {
        this.rule = rule;
        this.index = index;
        boolean readsPackage = rule.reads().contains(Variable.PKG) || rule.reads().contains(Variable.SCORECARD);
        this.kept = !rule.sameInEveryDocument() ? Kept.NOWHERE
                : rule.level() == Variable.Level.PACKAGE ? Kept.ON_PACKAGE
                : readsPackage ? Kept.ON_FINDING_PER_PACKAGE : Kept.ON_FINDING;
    }

    /** Evaluates the rule on the variables as they are bound, or gives the outcome remembered for their values. */
    boolean violated(Bound variables) {
        evaluated++;
        CompiledRule.Outcome outcome = switch (kept) {
            case NOWHERE -> rule.evaluate(variables);
            case ON_PACKAGE -> remembered(variables.pkg(), variables);
            case ON_FINDING -> remembered(variables.finding(), variables);
            case ON_FINDING_PER_PACKAGE -> variables.finding().withPackage(index)
                    .computeIfAbsent(variables.pkg(), p -> rule.evaluate(variables));
        };
        if (outcome.error() != null) {
            errors++;
            if (firstError == null) {
                firstError = outcome.error();
            }
        }
        return outcome.violated();
    }

    private CompiledRule.Outcome remembered(Remembered value, Bound variables) {
        CompiledRule.Outcome outcome = value.outcome(index);
        if (outcome == null) {
            outcome = rule.evaluate(variables);
            value.remember(index, outcome);
        }
        return outcome;
    }

    /**
     * The order, but the same instance is equal at once: one application's violations share its subject and digest
     * strings, and one finding's its purl, and String.compareTo compares them character by character, which sorting
     * a portfolio's million violations did some 20 million times.
     */
    private static Comparator<String> sameFirst(Comparator<String> order) {
        return (a, b) -> a == b ? 0 : order.compare(a, b);
    }

    RuleOutcome outcome() {
        violations.sort(ORDER);
        Rule r = rule.rule();
        return new RuleOutcome(r.name(), r.action(), r.message(), r.line(), evaluated, errors, firstError,
                List.copyOf(violations));
    }
}
