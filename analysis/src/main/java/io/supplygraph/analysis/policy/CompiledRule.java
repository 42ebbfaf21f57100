package io.supplygraph.analysis.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.Set;

/**
 * A rule ready to evaluate: its CEL program, the variables it reads, and so what it is evaluated once for.
 *
 * @param reads the variables its expression names
 */
record CompiledRule(Rule rule, CelRuntime.Program program, Set<Variable> reads, Variable.Level level) {

    /** The outcome of one evaluation: violated or not, or the evaluation failed. */
    record Outcome(boolean violated, String error) {
        static final Outcome VIOLATED = new Outcome(true, null);
        static final Outcome KEPT = new Outcome(false, null);
    }

    Outcome evaluate(CelVariableResolver variables) {
        try {
            // a field is dyn to the type checker, so `when: finding.id` compiles and gives a string here
            Object result = program.eval(variables);
            return result instanceof Boolean b ? (b ? Outcome.VIOLATED : Outcome.KEPT)
                    : new Outcome(false, "the rule gave " + result + ", not true or false");
        } catch (CelEvaluationException e) {
            return new Outcome(false, e.getMessage());
        }
    }

    /**
     * Whether its outcome depends only on the package and finding it is given, not on which application they are in:
     * then one evaluation serves every application that has the same package (and finding).
     */
    boolean sameInEveryDocument() {
        return level != Variable.Level.DOCUMENT && reads.stream().allMatch(Variable::sharedAcrossDocuments);
    }
}
