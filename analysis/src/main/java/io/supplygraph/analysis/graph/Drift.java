package io.supplygraph.analysis.graph;

import io.supplygraph.analysis.applications.Releases;
import io.supplygraph.analysis.graph.Dependents.Containing;
import io.supplygraph.analysis.versions.VersionOrder;
import io.supplygraph.analysis.view.DriftReport;
import io.supplygraph.analysis.view.DriftReport.Behind;
import io.supplygraph.analysis.view.DriftReport.VersionUse;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.GraphStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Version drift of one package across the portfolio: which versions are in use, by how many applications,
 * and which applications are behind the newest version seen anywhere. "Newest" is decided by the package's
 * ecosystem's own version order.
 */
public final class Drift {

    private final Comparator<String> order;

    /** @param order the ecosystem's version order, ascending */
    public Drift(Comparator<String> order) {
        this.order = order;
    }

    /** The drift of the purl's package, whatever version the purl names. */
    public static DriftReport of(GraphStore store, String purl) {
        PackageIdentity identity;
        try {
            identity = PackageIdentity.fromPurl(purl);
            PurlTypes.requireKnown(store, identity.type());
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Target.Packages all = new Target.Packages(identity.base(), store.packages().matching(identity.withoutVersion()));
        return forPurlType(identity.type()).report(identity.base(), new Dependents(store).containing(all));
    }

    /** Drift in the version order of the purl type's ecosystem ({@link VersionOrder#forPurlType}). */
    public static Drift forPurlType(String type) {
        return new Drift(VersionOrder.forPurlType(type));
    }

    /** @param documents as {@link Dependents#containing} sorts them: so are each version's subjects and behind */
    public DriftReport report(String packagePurl, List<Containing> documents) {
        // Regenerated SBOMs of one release are one application using its versions, not several.
        Set<String> releases = new HashSet<>();
        List<Containing> applications = documents.stream()
                .filter(d -> releases.add(Releases.key(d.application()))).toList();
        Map<String, List<String>> subjectsByVersion = new TreeMap<>(order.reversed());
        for (Containing app : applications) {
            for (String version : app.versions()) {
                subjectsByVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(app.application().subject());
            }
        }
        if (subjectsByVersion.isEmpty()) {
            return new DriftReport(packagePurl, null, List.of(), List.of());
        }
        String newest = subjectsByVersion.keySet().iterator().next();
        List<VersionUse> versions = new ArrayList<>();
        subjectsByVersion.forEach((v, subjects) -> versions.add(new VersionUse(v, subjects.size(), subjects)));
        List<Behind> behind = new ArrayList<>();
        for (Containing app : applications) {
            String theirs = app.versions().stream().max(order).orElseThrow();
            if (order.compare(theirs, newest) < 0) {
                behind.add(new Behind(app.application().document(), app.application().subject(), theirs, newest));
            }
        }
        return new DriftReport(packagePurl, newest, versions, behind);
    }
}
