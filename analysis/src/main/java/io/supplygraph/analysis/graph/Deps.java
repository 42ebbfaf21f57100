package io.supplygraph.analysis.graph;

import io.supplygraph.analysis.view.Dependency;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.GraphSql.EdgeRow;
import io.supplygraph.store.sql.GraphSql.OccurrenceRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a package version depends on. For an application (the subject of some SBOM) that is what its own SBOMs
 * say, and nothing else: a library shared by many applications may be resolved differently in each, and the
 * tree of one application must not borrow another's. For a package no SBOM describes, it is the union of what
 * every document says. Either way the walk follows artifacts into nested SBOMs: a version whose artifact has the
 * same digest as another document's subject depends on what that document says (a container image's jar, and the
 * jar's own SBOM), and that document joins the scope.
 */
public final class Deps {

    private final GraphStore store;

    public Deps(GraphStore store) {
        this.store = store;
    }

    public List<Dependency> of(Collection<Long> start, boolean transitive) {
        Set<Long> scope = describing(start);
        Set<Long> visited = new HashSet<>(start);
        Map<Long, Long> frontier = new LinkedHashMap<>();
        start.forEach(id -> frontier.put(id, id));
        Map<Long, Long> parentOf = new HashMap<>();
        Map<Long, String> kindOf = new HashMap<>();
        Map<Long, Integer> depthOf = new HashMap<>();
        for (int depth = 1; !frontier.isEmpty() && (transitive || depth == 1); depth++) {
            Map<Long, Long> sources = withSameArtifacts(frontier);
            if (!scope.isEmpty()) {
                scope.addAll(describing(sources.keySet()));
            }
            Map<Long, Long> next = new LinkedHashMap<>();
            for (EdgeRow e : store.graph().edgesFrom(sources.keySet())) {
                if ((scope.isEmpty() || scope.contains(e.document())) && visited.add(e.to())) {
                    next.put(e.to(), e.to());
                    parentOf.put(e.to(), sources.get(e.from()));
                    kindOf.put(e.to(), e.kind());
                    depthOf.put(e.to(), depth);
                }
            }
            frontier.clear();
            frontier.putAll(next);
        }
        Set<Long> ids = new HashSet<>(parentOf.keySet());
        ids.addAll(parentOf.values());
        Map<Long, VersionRow> versions = store.packages().byIds(ids);
        List<Dependency> deps = new ArrayList<>();
        for (long id : parentOf.keySet()) {
            deps.add(new Dependency(versions.get(id).purl(), EdgeKind.fromLabel(kindOf.get(id)), depthOf.get(id),
                    versions.get(parentOf.get(id)).purl()));
        }
        // a version is reached once, so depth and purl are unique
        deps.sort(Comparator.comparingInt(Dependency::depth).thenComparing(Dependency::purl));
        return deps;
    }

    /** The documents whose subject is one of these versions. */
    private Set<Long> describing(Collection<Long> versions) {
        Set<Long> documents = new HashSet<>();
        for (ContainsRow c : store.graph().containing(versions)) {
            if (c.depth() == 0) {
                documents.add(c.document());
            }
        }
        return documents;
    }

    /** The frontier plus every version sharing an artifact digest with one of it, each mapped to its origin. */
    private Map<Long, Long> withSameArtifacts(Map<Long, Long> frontier) {
        Map<Long, Long> sources = new HashMap<>(frontier);
        Map<Long, Set<Long>> byArtifact = new HashMap<>();
        for (OccurrenceRow o : store.graph().occurrencesOf(frontier.keySet())) {
            byArtifact.computeIfAbsent(o.artifact(), a -> new HashSet<>()).add(o.version());
        }
        if (!byArtifact.isEmpty()) {
            for (OccurrenceRow o : store.graph().occurrencesWith(byArtifact.keySet())) {
                for (long origin : byArtifact.get(o.artifact())) {
                    sources.putIfAbsent(o.version(), frontier.get(origin));
                }
            }
        }
        return sources;
    }
}
