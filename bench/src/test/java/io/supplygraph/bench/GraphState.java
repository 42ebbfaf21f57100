package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.PackageSql.UsageRow;
import io.supplygraph.store.sql.StatsSql.Stats;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a store holds, in the terms the concurrent-ingest tests compare: the same files ingested by one process or
 * by many, cleanly or with writers killed part-way and then run again, must leave the same state. Nothing here
 * depends on the order documents arrived in (row ids, ingest times, sources), only on what they say.
 *
 * @param documents  per document digest, its component count and the rows of what it contains: a document cut
 *                   short by a kill would keep its count but lose contains rows
 * @param packages   {@code packages}: every package version and how many documents contain it
 * @param dependents {@code dependents} of one package version (the blast radius), by document
 */
record GraphState(Map<String, Document> documents, Stats stats, List<UsageRow> packages,
        List<Application> dependents) {

    record Document(int components, long containsRows) {}

    static GraphState of(String location, String purl) {
        Map<String, Document> documents;
        Stats stats;
        List<UsageRow> packages;
        try (GraphStore store = GraphStore.open(location)) {
            List<DocumentRow> rows = store.documents().all();
            Map<Long, Long> contained = store.graph().containedIn(rows.stream().map(DocumentRow::id).toList())
                    .stream().collect(Collectors.groupingBy(ContainsRow::document, Collectors.counting()));
            documents = rows.stream().collect(Collectors.toMap(DocumentRow::digest,
                    d -> new Document(d.componentCount(), contained.getOrDefault(d.id(), 0L)), (a, b) -> a,
                    TreeMap::new));
            stats = store.stats().stats();
            packages = sorted(store.packages().usage(""), UsageRow::purl);
        }
        try (Supplygraph graph = Supplygraph.open(location)) {
            return new GraphState(documents, stats, packages, sorted(graph.dependents(purl), Application::document));
        }
    }

    /**
     * The package version the most documents contain, in the store at {@code location}: the package whose blast
     * radius the tests compare, because it reaches the most documents (log4j-core, by the generator's design).
     */
    static String mostContained(String location) {
        try (GraphStore store = GraphStore.open(location)) {
            return store.packages().usage("").stream().filter(p -> !p.purl().startsWith("pkg:generic/"))
                    .max(Comparator.comparingInt(UsageRow::documents).thenComparing(UsageRow::purl))
                    .orElseThrow().purl();
        }
    }

    private static <T> List<T> sorted(List<T> rows, Function<T, String> key) {
        return rows.stream().sorted(Comparator.comparing(key)).toList();
    }
}
