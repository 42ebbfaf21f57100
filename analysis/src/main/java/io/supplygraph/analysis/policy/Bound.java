package io.supplygraph.analysis.policy;

import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The variables of the evaluations in one application, given to CEL as it asks for them: set to a package or a
 * finding in turn, it looks a value up only when the rule being evaluated reads it. A rule whose outcome is
 * remembered reads nothing, so a finding's map is built, and the package it is in looked up in the application,
 * only the first time a rule about them is evaluated. A variable that does not apply (a package while a rule about
 * the application runs) is an empty map, as it always was: no rule can read it, as a rule runs once per the most
 * detailed thing it reads.
 */
final class Bound implements CelVariableResolver {

    private final Map<String, Object> document;
    private final Map<String, Object> provenance;
    private final Function<String, DocumentPackages.Listed> packageOf;
    private DocumentPackages.Listed pkg;
    private ExposedFinding finding;

    /** @param packageOf the application's package with a purl (for a finding's) */
    Bound(Map<String, Object> document, Map<String, Object> provenance,
            Function<String, DocumentPackages.Listed> packageOf) {
        this.document = document;
        this.provenance = provenance;
        this.packageOf = packageOf;
    }

    void bind(DocumentPackages.Listed p) {
        pkg = p;
        finding = null;
    }

    /** The finding, and the package it is in when asked for. */
    void bind(ExposedFinding f) {
        pkg = null;
        finding = f;
    }

    DocumentPackages.Listed pkg() {
        if (pkg == null && finding != null) {
            pkg = packageOf.apply(finding.finding.purl());
        }
        return pkg;
    }

    ExposedFinding finding() {
        return finding;
    }

    @Override
    public Optional<Object> find(String name) {
        return Variable.named(name).map(v -> switch (v) {
            case DOCUMENT -> document;
            case PROVENANCE -> provenance;
            case PKG -> pkg() == null ? Map.of() : pkg().pkg();
            case SCORECARD -> pkg() == null ? Map.of() : pkg().scorecard();
            case FINDING -> finding == null ? Map.of() : finding.binding();
        });
    }
}
