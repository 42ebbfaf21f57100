package io.supplygraph.analysis.graph;

import io.supplygraph.analysis.graph.Dependents.Application;
import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.Version;
import io.supplygraph.model.version.VersionScheme;
import io.supplygraph.model.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Version drift of one package across the portfolio: which versions are in use, by how many applications,
 * and which applications are behind the newest version seen anywhere. "Newest" is decided by the package's
 * ecosystem's own version order.
 */
public final class Drift {

    /**
     * @param package_     the package (purl without version)
     * @param newest       the newest version in use anywhere
     * @param versions     every version in use, newest first
     * @param behind       applications whose newest version of the package is older than {@code newest}
     */
    public record Report(String package_, String newest, List<VersionUse> versions, List<Behind> behind) {}

    /** One version and the applications that contain it. */
    public record VersionUse(String version, int applications, List<String> subjects) {}

    /** An application behind the newest version. */
    public record Behind(String document, String subject, String version, String newest) {}

    private final Comparator<String> order;

    /** @param order the ecosystem's version order, ascending */
    public Drift(Comparator<String> order) {
        this.order = order;
    }

    /**
     * Drift in the version order of the purl type's ecosystem. A version its ecosystem cannot parse sorts below
     * every valid one (it cannot be the newest), and among the invalid ones by text, so the order stays total.
     */
    public static Drift forPurlType(String type) {
        VersionScheme scheme = VersionSchemes.forPurlType(type).orElse(VersionSchemes.GENERIC);
        return new Drift(Comparator.comparing((String v) -> parsed(scheme, v),
                Comparator.nullsFirst(Comparator.<Version>naturalOrder())).thenComparing(Comparator.naturalOrder()));
    }

    private static Version parsed(VersionScheme scheme, String version) {
        try {
            return scheme.parse(version);
        } catch (InvalidVersionException e) {
            return null;
        }
    }

    public Report report(String packagePurl, List<Application> applications) {
        Map<String, List<String>> subjectsByVersion = new TreeMap<>(order.reversed());
        for (Application app : applications) {
            for (String version : app.versions()) {
                subjectsByVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(app.subject());
            }
        }
        if (subjectsByVersion.isEmpty()) {
            return new Report(packagePurl, null, List.of(), List.of());
        }
        String newest = subjectsByVersion.keySet().iterator().next();
        List<VersionUse> versions = new ArrayList<>();
        subjectsByVersion.forEach((v, subjects) -> versions.add(new VersionUse(v, subjects.size(), subjects)));
        List<Behind> behind = new ArrayList<>();
        for (Application app : applications) {
            String theirs = app.versions().stream().max(order).orElseThrow();
            if (order.compare(theirs, newest) < 0) {
                behind.add(new Behind(app.document(), app.subject(), theirs, newest));
            }
        }
        return new Report(packagePurl, newest, versions, behind);
    }
}
