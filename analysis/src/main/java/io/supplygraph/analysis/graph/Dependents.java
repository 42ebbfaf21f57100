package io.supplygraph.analysis.graph;

import io.supplygraph.analysis.applications.Releases;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.ApplicationSql.ReleaseRow;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.GraphSql.OccurrenceRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The blast radius of a package: every application (document subject) that contains it, directly or
 * transitively, with a shortest path from the subject down to it.
 *
 * <p>Each document stores, for everything it contains, the parent on a shortest path from its subject, so
 * within a document a path is a walk up parent pointers, all of them read by one recursive statement. Across
 * documents the walk goes on level by level: a document whose subject is itself contained in another document
 * (by the same purl, or by an artifact with the same digest: a jar inside a container image) makes that
 * other document an application of the package too, and its path continues through the nested subject.
 */
public final class Dependents {

    /**
     * An application containing the package, with every version of the package it contains (what drift needs),
     * the one on its path first.
     */
    public record Containing(Application application, Set<String> versions) {}

    /** A way down to the package: package version ids from some node down to the package, and its version. */
    private record Suffix(List<Long> path, long target) {}

    private final GraphStore store;

    public Dependents(GraphStore store) {
        this.store = store;
    }

    /** The releases containing the package, sorted by subject, then document digest: the blast radius. */
    public List<Application> of(Target.Packages packages) {
        return Releases.group(perDocument(packages));
    }

    /** As {@link #of}, one row per document: each row's {@code documents} is that one document. */
    public List<Application> perDocument(Target.Packages packages) {
        return containing(packages).stream().map(Containing::application).toList();
    }

    /**
     * The documents containing the package, one row each, as {@link #perDocument} sorts them, each with every version
     * of the package it contains. Superseded documents ({@code ingest --replace}) are left out.
     */
    public List<Containing> containing(Target.Packages packages) {
        Set<Long> superseded = store.applications().superseded();
        Map<Long, Suffix> seeds = new HashMap<>();
        for (VersionRow v : packages.versions()) {
            seeds.put(v.id(), new Suffix(List.of(v.id()), v.id()));
        }
        Map<Long, List<Long>> pathByDocument = new LinkedHashMap<>();
        Map<Long, Long> targetByDocument = new HashMap<>();
        Map<Long, Set<Long>> targetsByDocument = new HashMap<>();
        Set<Long> expanded = new HashSet<>(seeds.keySet());
        while (!seeds.isEmpty()) {
            Map<Long, List<Long>> newPaths = new LinkedHashMap<>();
            Map<Long, Long> newTargets = new HashMap<>();
            for (Found f : walkUp(seeds, superseded)) {
                targetsByDocument.computeIfAbsent(f.document, d -> new HashSet<>()).add(f.target);
                List<Long> known = pathByDocument.containsKey(f.document) ? pathByDocument.get(f.document)
                        : newPaths.get(f.document);
                if (known == null || (newPaths.containsKey(f.document) && f.path.size() < known.size())) {
                    newPaths.put(f.document, f.path);
                    newTargets.put(f.document, f.target);
                }
            }
            pathByDocument.putAll(newPaths);
            targetByDocument.putAll(newTargets);
            seeds = containersOf(newPaths, newTargets, expanded);
        }
        return applications(pathByDocument, targetByDocument, targetsByDocument);
    }

    private record Found(long document, List<Long> path, long target) {}

    /** Every document that contains a seed below its subject, with the path from its subject through the seed. */
    private List<Found> walkUp(Map<Long, Suffix> seeds, Set<Long> superseded) {
        List<ContainsRow> rows = store.graph().chainsTo(seeds.keySet());
        Map<Long, Map<Long, ContainsRow>> byDocument = new HashMap<>();
        for (ContainsRow row : rows) {
            byDocument.computeIfAbsent(row.document(), d -> new HashMap<>()).put(row.version(), row);
        }
        List<Found> found = new ArrayList<>();
        for (ContainsRow row : rows) {
            Suffix suffix = seeds.get(row.version());
            if (suffix == null || row.depth() == 0 || superseded.contains(row.document())) {
                continue;
            }
            List<Long> path = new ArrayList<>(row.depth() + suffix.path().size());
            Map<Long, ContainsRow> chain = byDocument.get(row.document());
            for (ContainsRow r = row; r != null; r = r.parent() == null ? null : chain.get(r.parent())) {
                path.add(0, r.version());
                if (path.size() > row.depth() + 1) {
                    break; // parent pointers form a tree by construction; this only guards against a damaged store
                }
            }
            path.addAll(suffix.path().subList(1, suffix.path().size()));
            found.add(new Found(row.document(), path, suffix.target()));
        }
        return found;
    }

    /**
     * The next seeds: each newly found document's subject, and every package version whose artifact has the
     * same digest as the subject's, each with the way down from it to the package.
     */
    private Map<Long, Suffix> containersOf(Map<Long, List<Long>> paths, Map<Long, Long> targets, Set<Long> expanded) {
        Map<Long, Suffix> next = new HashMap<>();
        Map<Long, Suffix> subjects = new HashMap<>();
        for (Map.Entry<Long, List<Long>> e : paths.entrySet()) {
            Suffix s = new Suffix(e.getValue(), targets.get(e.getKey()));
            subjects.merge(e.getValue().get(0), s, Dependents::shorter);
        }
        for (Map.Entry<Long, Suffix> e : subjects.entrySet()) {
            if (expanded.add(e.getKey())) {
                next.merge(e.getKey(), e.getValue(), Dependents::shorter);
            }
        }
        if (subjects.isEmpty()) {
            return next;
        }
        Map<Long, Set<Long>> subjectsByArtifact = new HashMap<>();
        for (OccurrenceRow o : store.graph().occurrencesOf(subjects.keySet())) {
            subjectsByArtifact.computeIfAbsent(o.artifact(), a -> new HashSet<>()).add(o.version());
        }
        if (subjectsByArtifact.isEmpty()) {
            return next;
        }
        for (OccurrenceRow o : store.graph().occurrencesWith(subjectsByArtifact.keySet())) {
            for (long subject : subjectsByArtifact.get(o.artifact())) {
                if (o.version() != subject && !expanded.contains(o.version())) {
                    Suffix down = subjects.get(subject);
                    List<Long> path = new ArrayList<>(down.path().size() + 1);
                    path.add(o.version());
                    path.addAll(down.path());
                    next.merge(o.version(), new Suffix(path, down.target()), Dependents::shorter);
                }
            }
        }
        expanded.addAll(next.keySet());
        return next;
    }

    private static Suffix shorter(Suffix a, Suffix b) {
        return b.path().size() < a.path().size() ? b : a;
    }

    private List<Containing> applications(Map<Long, List<Long>> paths, Map<Long, Long> targets,
            Map<Long, Set<Long>> allTargets) {
        Set<Long> versionIds = new HashSet<>();
        paths.values().forEach(versionIds::addAll);
        allTargets.values().forEach(versionIds::addAll);
        Map<Long, VersionRow> versions = store.packages().byIds(versionIds);
        // The subject is the first node of each path already; only the digests and releases are left to read.
        Map<Long, ReleaseRow> releases = new HashMap<>();
        store.applications().releasesOf(paths.keySet()).forEach(r -> releases.put(r.document(), r));
        List<Containing> applications = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> e : paths.entrySet()) {
            VersionRow subject = versions.get(e.getValue().get(0));
            VersionRow target = versions.get(targets.get(e.getKey()));
            Set<String> all = new TreeSet<>();
            for (long t : allTargets.get(e.getKey())) {
                all.add(String.valueOf(versions.get(t).version()));
            }
            Set<String> ordered = new LinkedHashSet<>();
            ordered.add(String.valueOf(target.version()));
            ordered.addAll(all);
            ReleaseRow release = releases.get(e.getKey());
            applications.add(new Containing(new Application(release.digest(), display(subject), target.version(),
                    purls(e.getValue(), versions), release.application(), release.release(),
                    List.of(release.digest())), ordered));
        }
        applications.sort(Comparator.comparing((Containing c) -> c.application().subject())
                .thenComparing(c -> c.application().document()));
        return applications;
    }

    static String display(VersionRow v) {
        if (!v.synthetic()) {
            return v.purl();
        }
        return v.version() == null ? v.name() : v.name() + "@" + v.version();
    }

    private static List<String> purls(Collection<Long> ids, Map<Long, VersionRow> versions) {
        List<String> purls = new ArrayList<>(ids.size());
        for (long id : ids) {
            purls.add(versions.get(id).purl());
        }
        return purls;
    }
}
