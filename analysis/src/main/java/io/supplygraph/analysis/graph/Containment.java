package io.supplygraph.analysis.graph;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.GraphSql.OccurrenceRow;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which documents contain each of many package versions, directly or through nested SBOMs, without paths: the
 * cheap form of {@link Dependents} for listings such as every finding of a portfolio. A document contains a version
 * when it lists it, or when it lists (by the same purl, or by an artifact with the same digest) the subject of a
 * document that contains it. One batch of statements per level of nesting, for all versions at once.
 */
public final class Containment {

    private final GraphStore store;

    public Containment(GraphStore store) {
        this.store = store;
    }

    public Map<Long, Set<Long>> documentsContaining(Collection<Long> versions) {
        return documentsContaining(versions, new HashSet<>());
    }

    /**
     * As {@link #documentsContaining(Collection)}, adding to {@code declaredDirectly} the versions some document
     * lists as a direct dependency of its subject: the same rows say so, read once. Superseded documents
     * ({@code ingest --replace}) contain nothing here.
     */
    public Map<Long, Set<Long>> documentsContaining(Collection<Long> versions, Set<Long> declaredDirectly) {
        Set<Long> superseded = store.applications().superseded();
        Map<Long, Set<Long>> byVersion = new HashMap<>();
        Set<Long> documents = new HashSet<>();
        for (ContainsRow row : store.graph().containing(versions)) {
            if (superseded.contains(row.document())) {
                continue;
            }
            if (row.depth() == 1) {
                declaredDirectly.add(row.version());
            }
            byVersion.computeIfAbsent(row.version(), v -> new HashSet<>()).add(row.document());
            documents.add(row.document());
        }
        // Built only once some document turns out to be nested in another: a portfolio's findings are in a million
        // (version, document) rows, and most portfolios nest little or nothing.
        Map<Long, Set<Long>> versionsByDocument = null;
        Set<Long> expanded = new HashSet<>();
        Set<Long> frontier = documents;
        while (!frontier.isEmpty()) {
            expanded.addAll(frontier);
            Map<Long, Set<Long>> parents = parentDocuments(frontier);
            if (parents.isEmpty()) {
                break;
            }
            if (versionsByDocument == null) {
                versionsByDocument = byDocument(byVersion);
            }
            Set<Long> next = new HashSet<>();
            for (Map.Entry<Long, Set<Long>> e : parents.entrySet()) {
                for (long parent : e.getValue()) {
                    if (superseded.contains(parent)) {
                        continue;
                    }
                    for (long version : versionsByDocument.get(e.getKey())) {
                        if (byVersion.get(version).add(parent)) {
                            versionsByDocument.computeIfAbsent(parent, d -> new HashSet<>()).add(version);
                            if (!expanded.contains(parent)) {
                                next.add(parent);
                            }
                        }
                    }
                }
            }
            frontier = next;
        }
        return byVersion;
    }

    private static Map<Long, Set<Long>> byDocument(Map<Long, Set<Long>> byVersion) {
        Map<Long, Set<Long>> versionsByDocument = new HashMap<>();
        byVersion.forEach((version, documents) -> documents.forEach(
                d -> versionsByDocument.computeIfAbsent(d, x -> new HashSet<>()).add(version)));
        return versionsByDocument;
    }

    /** Per document, the documents that list its subject below their own subject, by purl or by artifact digest. */
    private Map<Long, Set<Long>> parentDocuments(Set<Long> documents) {
        Map<Long, Set<Long>> documentsBySubject = new HashMap<>();
        for (ContainsRow s : store.graph().subjectsOf(documents)) {
            documentsBySubject.computeIfAbsent(s.version(), v -> new HashSet<>()).add(s.document());
        }
        Map<Long, Set<Long>> standsFor = new HashMap<>();
        documentsBySubject.keySet().forEach(v -> standsFor.computeIfAbsent(v, x -> new HashSet<>()).add(v));
        Map<Long, Set<Long>> subjectsByArtifact = new HashMap<>();
        for (OccurrenceRow o : store.graph().occurrencesOf(documentsBySubject.keySet())) {
            subjectsByArtifact.computeIfAbsent(o.artifact(), a -> new HashSet<>()).add(o.version());
        }
        if (!subjectsByArtifact.isEmpty()) {
            for (OccurrenceRow o : store.graph().occurrencesWith(subjectsByArtifact.keySet())) {
                standsFor.computeIfAbsent(o.version(), v -> new HashSet<>()).addAll(subjectsByArtifact.get(o.artifact()));
            }
        }
        Map<Long, Set<Long>> parents = new HashMap<>();
        for (ContainsRow row : store.graph().containing(standsFor.keySet())) {
            if (row.depth() == 0) {
                continue;
            }
            for (long subject : standsFor.get(row.version())) {
                for (long child : documentsBySubject.get(subject)) {
                    if (child != row.document()) {
                        parents.computeIfAbsent(child, d -> new HashSet<>()).add(row.document());
                    }
                }
            }
        }
        return parents;
    }
}
