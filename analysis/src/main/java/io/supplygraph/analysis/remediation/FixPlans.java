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
        List<DocumentRow> documents = documents(application);
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
        Paths paths = new Paths(documents);
        List<Map.Entry<String, Planned>> plans = new ArrayList<>();
        byPurl.forEach((purl, findings) -> {
            PackageFixes.Fix fix = fixes.get(purl);
            List<Finding> counted = findings.stream().filter(f -> Planned.counts(f, fix)).toList();
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

    /** Shortest paths from an application's subject to what its documents contain, by their parent pointers. */
    private final class Paths {
        private final Map<Long, Map<Long, ContainsRow>> byDocument = new LinkedHashMap<>();
        private final Map<String, List<Long>> versionsByPurl = new HashMap<>();
        private final Map<Long, String> purls = new HashMap<>();

        Paths(List<DocumentRow> documents) {
            List<ContainsRow> rows = store.graph().containedIn(documents.stream().map(DocumentRow::id).toList());
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

        /** Purls from the subject down to the package version; just the package when only a nested SBOM has it. */
        List<String> to(String purl) {
            List<Long> best = null;
            for (long version : versionsByPurl.getOrDefault(purl, List.of())) {
                for (Map<Long, ContainsRow> chain : byDocument.values()) {
                    ContainsRow row = chain.get(version);
                    if (row == null) {
                        continue;
                    }
                    List<Long> path = new ArrayList<>();
                    for (ContainsRow r = row; r != null && path.size() <= row.depth();
                            r = r.parent() == null ? null : chain.get(r.parent())) {
                        path.add(0, r.version());
                    }
                    if (best == null || path.size() < best.size()) {
                        best = path;
                    }
                }
            }
            return best == null ? List.of(purl) : best.stream().map(purls::get).toList();
        }
    }
}
