package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.view.Finding;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A finding as rules read it ({@code finding}): one per finding, however many applications are exposed to it. Its
 * map is built when a rule first reads it, and the outcomes of rules that also read the package are kept per
 * package value (the same version listed directly in one application and transitively in another is two).
 */
final class ExposedFinding extends Remembered {

    final Finding finding;
    private Map<String, Object> binding;
    private Map<DocumentPackages.Listed, CompiledRule.Outcome>[] withPackage;

    ExposedFinding(Finding finding, int rules) {
        super(rules);
        this.finding = finding;
    }

    Map<String, Object> binding() {
        if (binding == null) {
            binding = Bindings.finding(finding);
        }
        return binding;
    }

    /** The rule's outcomes here, by the package value it was evaluated with: by identity, as values are shared. */
    @SuppressWarnings("unchecked")
    Map<DocumentPackages.Listed, CompiledRule.Outcome> withPackage(int rule) {
        if (withPackage == null) {
            withPackage = new Map[rules()];
        }
        if (withPackage[rule] == null) {
            withPackage[rule] = new IdentityHashMap<>(4);
        }
        return withPackage[rule];
    }
}
