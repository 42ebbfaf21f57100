package io.supplygraph.analysis.remediation;

import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.graph.Target;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application's upgrade plan: one {@link Upgrade} per vulnerable package version it contains, each with where
 * it comes from (direct, or the path through the direct dependency that brings it in). An application is named by
 * its subject's purl (every document describing it counts) or by one document's digest.
 */
public final class FixPlans {

    private final GraphStore store;

    public FixPlans(GraphStore store) {
        this.store = store;
    }

    public List<Upgrade> of(String application) {
        List<DocumentRow> own = documents(application);
        Set<String> ownDigests = new HashSet<>();
        own.forEach(d -> ownDigests.add(d.digest()));
        Map<Long, NestedDocuments.Reached> reached = NestedDocuments.under(store,
                own.stream().map(DocumentRow::id).toList());
        List<DocumentRow> documents = new ArrayList<>(store.documents().byIds(reached.keySet()).values());
        documents.sort(java.util.Comparator.comparing(DocumentRow::digest));
        Map<String, List<Finding>> byPurl = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Vulns vulns = new Vulns(store);
        for (DocumentRow d : documents) {
            for (Finding f : vulns.listWithoutDocuments(new Vulns.Query(d.digest(), null, null, true))) {
                if (seen.add(f.purl() + " " + f.id())) {
                    byPurl.computeIfAbsent(f.purl(), p -> new ArrayList<>()).add(f);
                }
            }
        }
        Map<String, PackageFixes.Fix> fixes = PackageFixes.of(store, byPurl.keySet());
        Paths paths = new Paths(reached);
        List<Map.Entry<String, Planned>> plans = new ArrayList<>();
        byPurl.forEach((purl, findings) -> {
            PackageFixes.Fix fix = fixes.get(purl);
            // VEX decides per application: what this application's own statement settles is no risk here
            List<Finding> counted = findings.stream().filter(f -> Planned.counts(f, fix))
                    .filter(f -> ownDigests.stream().noneMatch(f::settledInDocument))
                    .toList();
            if (!counted.isEmpty()) {
                plans.add(Map.entry(purl, Planned.of(purl, counted, fix)));
            }
        });
        plans.sort(Map.Entry.comparingByValue(Planned.ORDER));
        return plans.stream().map(e -> {
            Planned p = e.getValue();
            List<String> via = paths.to(e.getKey());
            return new Upgrade(p.packagePurl(), p.current(), p.target(), p.targetAnyMajor(), p.action(),
                    via.size() == 2, via, p.removes(), p.remaining(), p.noFix(), p.kev(), p.epss(), p.risk());
        }).toList();
    }

    private List<DocumentRow> documents(String application) {
        Target target = Target.resolve(store, application);
        if (target instanceof Target.Document d) {
            return List.of(d.document());
        }
        if (!(target instanceof Target.Packages)) {
            throw new IllegalArgumentException("fix takes an application's purl or a document digest, not " + application);
        }
        Set<Long> ids = new HashSet<>();
        for (ContainsRow row : store.graph().containing(Target.versions(store, target))) {
            if (row.depth() == 0) {
                ids.add(row.document());
            }
        }
        if (ids.isEmpty()) {
            throw new NotFoundException("no document describes " + application);
        }
        List<DocumentRow> rows = new ArrayList<>(store.documents().byIds(ids).values());
        rows.sort(java.util.Comparator.comparing(DocumentRow::digest));
        return rows;
    }

    /**
     * Shortest paths from an application's subject to what its documents contain, by their parent pointers; a nested
     * document's paths continue the path to the component that stands for its subject.
     */
    private final class Paths {
        private final Map<Long, NestedDocuments.Reached> reached;
        private final Map<Long, Map<Long, ContainsRow>> byDocument = new LinkedHashMap<>();
        private final Map<String, List<Long>> versionsByPurl = new HashMap<>();
        private final Map<Long, String> purls = new HashMap<>();

        Paths(Map<Long, NestedDocuments.Reached> reached) {
            this.reached = reached;
            List<ContainsRow> rows = store.graph().containedIn(reached.keySet());
            Set<Long> versions = new HashSet<>();
            for (ContainsRow r : rows) {
                byDocument.computeIfAbsent(r.document(), d -> new HashMap<>()).put(r.version(), r);
                versions.add(r.version());
            }
            for (VersionRow v : store.packages().byIds(versions).values()) {
                purls.put(v.id(), v.purl());
                versionsByPurl.computeIfAbsent(v.purl(), p -> new ArrayList<>()).add(v.id());
            }
        }

        /** Purls from the application's subject down to the package version; just the package when none is found. */
        List<String> to(String purl) {
            List<Long> best = null;
            for (long version : versionsByPurl.getOrDefault(purl, List.of())) {
                for (long document : byDocument.keySet()) {
                    List<Long> path = path(document, version, 0);
                    if (path != null && (best == null || path.size() < best.size())) {
                        best = path;
                    }
                }
            }
            return best == null ? List.of(purl) : best.stream().map(purls::get).toList();
        }

        /** The path to a version within one document, behind the path to the document's subject; null if absent. */
        private List<Long> path(long document, long version, int nesting) {
            Map<Long, ContainsRow> chain = byDocument.get(document);
            ContainsRow row = chain == null ? null : chain.get(version);
            if (row == null || nesting > reached.size()) {
                return null;
            }
            List<Long> path = new ArrayList<>();
            for (ContainsRow r = row; r != null && path.size() <= row.depth();
                    r = r.parent() == null ? null : chain.get(r.parent())) {
                path.add(0, r.version());
            }
            NestedDocuments.Reached how = reached.get(document);
            if (how == null || how.parent() == null) {
                return path;
            }
            List<Long> prefix = path(how.parent(), how.standingFor(), nesting + 1);
            if (prefix == null) {
                return path;
            }
            List<Long> whole = new ArrayList<>(prefix);
            whole.addAll(path.get(0).equals(prefix.get(prefix.size() - 1)) ? path.subList(1, path.size()) : path);
            return whole;
        }
    }
}
