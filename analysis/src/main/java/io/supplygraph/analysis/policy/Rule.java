package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.view.PolicyAction;
import java.util.List;

/**
 * One named rule of a policy: a CEL expression that is true where the policy is violated.
 *
 * @param when  the CEL expression, as written
 * @param scope the applications it applies to: patterns of their subject's purl ({@link MatchPattern}); empty for
 *              every application
 * @param line  its line in the policy file, for errors
 */
public record Rule(String name, String when, PolicyAction action, String message, List<MatchPattern> scope,
        int line) {

    /** Whether it applies to an application with this subject purl (null: a document without a subject). */
    public boolean appliesTo(String subjectPurl) {
        return scope.isEmpty() || subjectPurl != null && scope.stream().anyMatch(p -> p.matchesPurl(subjectPurl));
    }
}
