package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.provenance.Scorecards;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.LicenceSql.VersionLicenceRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages of documents as rules see them ({@code pkg} and {@code scorecard}), read for a batch of documents in a
 * few queries. Package versions and their scorecards are kept across batches: a portfolio's SBOMs share most of
 * them, and so the maps built for one serve every document that lists it the same way.
 */
final class DocumentPackages {

    /** A package of one document: its {@code pkg} and {@code scorecard} values. */
    record Listed(Map<String, Object> pkg, Map<String, Object> scorecard) {}

    private static final String NO_ASSERTION = "NOASSERTION";

    private final GraphStore store;
    private final boolean scorecards;
    private final Map<Long, VersionRow> versions = new HashMap<>();
    private final Map<Long, Map<String, Object>> scorecardOf = new HashMap<>();
    /** The same package map for the same version, directness and licences: equal keys for {@link RuleTally}. */
    private final Map<List<Object>, Map<String, Object>> pkgMaps = new HashMap<>();

    /** @param scorecards whether some rule reads {@code scorecard}: else none is read */
    DocumentPackages(GraphStore store, boolean scorecards) {
        this.store = store;
        this.scorecards = scorecards;
    }

    /** Each document's packages (its subject left out: a rule about packages is about what the subject holds). */
    Map<Long, List<Listed>> of(List<Long> documents) {
        List<ContainsRow> rows = store.graph().containedIn(documents);
        List<Long> unseen = rows.stream().map(ContainsRow::version).filter(v -> !versions.containsKey(v)).distinct()
                .toList();
        Map<Long, VersionRow> read = store.packages().byIds(unseen);
        versions.putAll(read);
        if (scorecards && !read.isEmpty()) {
            Map<Long, Scorecard> cards = new Scorecards(store).newestOf(read.values());
            read.keySet().forEach(id -> scorecardOf.put(id, Bindings.scorecard(cards.get(id))));
        }
        Map<Long, Map<Long, List<String>>> licences = new HashMap<>();
        for (VersionLicenceRow l : store.licences().byVersionInDocuments(documents)) {
            List<String> stated = new ArrayList<>(2);
            addStated(stated, l.declared());
            addStated(stated, l.concluded());
            licences.computeIfAbsent(l.document(), d -> new HashMap<>()).put(l.version(), List.copyOf(stated));
        }
        Map<Long, List<Listed>> byDocument = new HashMap<>();
        for (ContainsRow row : rows) {
            if (row.depth() == 0) {
                continue;
            }
            VersionRow v = versions.get(row.version());
            List<String> stated = licences.getOrDefault(row.document(), Map.of()).getOrDefault(v.id(), List.of());
            boolean direct = row.depth() == 1;
            Map<String, Object> pkg = pkgMaps.computeIfAbsent(List.of(v.id(), direct, stated),
                    k -> Bindings.pkg(v, direct, stated));
            byDocument.computeIfAbsent(row.document(), d -> new ArrayList<>())
                    .add(new Listed(pkg, scorecardOf.getOrDefault(v.id(), Map.of())));
        }
        return byDocument;
    }

    /** A package the document does not list itself (one of an SBOM nested in it): known by its purl alone. */
    static Listed unlisted(String purl) {
        return new Listed(Bindings.pkg(purl), Map.of());
    }

    private static void addStated(List<String> stated, String expression) {
        if (expression != null && !expression.equals(NO_ASSERTION) && !stated.contains(expression)) {
            stated.add(expression);
        }
    }
}
