package io.supplygraph.ingest.sbom;

import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.VexFacts.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Resolves what an SBOM's VEX statements name into package versions. A bom-ref of this document is that
 * component, and the statement is then scoped to the document's subject: an analysis inside an application's
 * BOM says how the component behaves in that application (unless the component is the subject itself). A
 * BOM-link into another BOM ({@code urn:cdx:serial/version#ref}) can be followed only when its ref is a purl,
 * as it often is; the other BOM's subject is unknown here, so such a statement is about the package wherever
 * it is. The ref of a BOM-link that is also a bom-ref of this document is taken as that component: VEX BOMs
 * often link to themselves, some with a made-up serial (urn:uuid:...) or none.
 */
final class VexTargets {

    private final List<PackageIdentity> packages;
    private final Map<String, Integer> positionByRef;
    private final int[] subjects;
    private final Consumer<String> warnings;

    VexTargets(List<PackageIdentity> packages, Map<String, Integer> positionByRef, int[] subjects,
            Consumer<String> warnings) {
        this.packages = packages;
        this.positionByRef = positionByRef;
        this.subjects = subjects;
        this.warnings = warnings;
    }

    List<Statement> resolve(List<SbomVexStatement> drafts) {
        List<Statement> statements = new ArrayList<>(drafts.size());
        for (SbomVexStatement d : drafts) {
            String ref = d.ref();
            int hash = ref.indexOf('#');
            String inner = !PackageIdentity.looksLikePurl(ref) && hash > 0 ? ref.substring(hash + 1) : ref;
            Integer position = positionByRef.get(ref);
            if (position == null) {
                position = positionByRef.get(inner);
            }
            PackageIdentity target = position != null ? packages.get(position) : purl(inner, d);
            if (target == null) {
                continue;
            }
            PackageIdentity product = position != null && !isSubject(position) ? packages.get(subjects[0]) : null;
            PackageIdentity pkg = d.version() == null ? target : atVersion(target, d.version(), d);
            if (pkg != null) {
                statements.add(new Statement(d.vulnerability(), d.aliases(), pkg, product, null, d.status(),
                        d.justification(), d.impactStatement(), d.actionStatement(), d.timestamp()));
            }
        }
        return List.copyOf(statements);
    }

    /** A target outside this document, named by its purl; null (warned) when it is not one. */
    private PackageIdentity purl(String text, SbomVexStatement d) {
        if (!PackageIdentity.looksLikePurl(text)) {
            warnings.accept("VEX statement on " + d.vulnerability() + " names '" + d.ref()
                    + "', which is neither a component of this document nor a purl; skipped");
            return null;
        }
        try {
            return PackageIdentity.fromPurl(text);
        } catch (InvalidPurlException e) {
            warnings.accept("VEX statement on " + d.vulnerability() + ": " + e.getMessage() + "; skipped");
            return null;
        }
    }

    private PackageIdentity atVersion(PackageIdentity target, String version, SbomVexStatement d) {
        if (target.synthetic()) {
            return PackageIdentity.synthetic(target.name(), version);
        }
        try {
            return PackageIdentity.fromPurl(target.purlAt(version));
        } catch (InvalidPurlException e) {
            warnings.accept("VEX statement on " + d.vulnerability() + ": version '" + version + "' of "
                    + target.base() + " makes no valid purl; skipped");
            return null;
        }
    }

    private boolean isSubject(int position) {
        for (int s : subjects) {
            if (s == position) {
                return true;
            }
        }
        return false;
    }
}
