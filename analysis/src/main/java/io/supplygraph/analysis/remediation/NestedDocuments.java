package io.supplygraph.analysis.remediation;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.GraphSql.OccurrenceRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application's documents and every document nested in them: a container image's SBOM lists a jar (by purl, or
 * by an artifact with the same digest) whose own SBOM says what the jar contains, and the jar's vulnerable packages
 * are the image's to fix. Walked down level by level, as {@code Containment} walks up.
 */
final class NestedDocuments {

    /**
     * A document of the application: the document and version through which it is reached (both null for one of the
     * application's own documents), the version being the component that stands for the nested document's subject.
     */
    record Reached(long document, Long parent, Long standingFor) {}

    private NestedDocuments() {}

    static Map<Long, Reached> under(GraphStore store, Collection<Long> documents) {
        Map<Long, Reached> reached = new LinkedHashMap<>();
        documents.forEach(d -> reached.put(d, new Reached(d, null, null)));
        List<Long> frontier = new ArrayList<>(documents);
        while (!frontier.isEmpty()) {
            Map<Long, Long> documentOf = new HashMap<>();
            for (ContainsRow r : store.graph().containedIn(frontier)) {
                if (r.depth() > 0) {
                    documentOf.putIfAbsent(r.version(), r.document());
                }
            }
            Map<Long, Long> standsFor = sameArtifacts(store, frontier, documentOf.keySet());
            List<Long> next = new ArrayList<>();
            for (ContainsRow s : store.graph().describing(standsFor.keySet())) {
                if (!reached.containsKey(s.document())) {
                    long component = standsFor.get(s.version());
                    reached.put(s.document(), new Reached(s.document(), documentOf.get(component), component));
                    next.add(s.document());
                }
            }
            frontier = next;
        }
        return reached;
    }

    /**
     * Each version the documents contain, and each other version sharing an artifact digest with it, mapped to the
     * version it stands for. The artifacts are those the documents themselves state (a popular version's artifact is
     * stated by a thousand other documents, which say nothing new here).
     */
    private static Map<Long, Long> sameArtifacts(GraphStore store, List<Long> documents, Set<Long> versions) {
        Map<Long, Long> standsFor = new HashMap<>();
        versions.forEach(v -> standsFor.put(v, v));
        Map<Long, Long> versionByArtifact = new HashMap<>();
        for (OccurrenceRow o : store.graph().occurrencesIn(documents)) {
            if (versions.contains(o.version())) {
                versionByArtifact.putIfAbsent(o.artifact(), o.version());
            }
        }
        if (!versionByArtifact.isEmpty()) {
            Set<Long> artifacts = new HashSet<>(versionByArtifact.keySet());
            for (OccurrenceRow o : store.graph().occurrencesWith(artifacts)) {
                standsFor.putIfAbsent(o.version(), versionByArtifact.get(o.artifact()));
            }
        }
        return standsFor;
    }
}
