package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.provenance.Scorecards;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.LicenceSql.ListedRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The packages of documents as rules see them ({@code pkg} and {@code scorecard}), read for a batch of documents in a
 * few queries. Package versions and their scorecards are kept across batches: a portfolio's SBOMs share most of
 * them, and so the values built for one serve every document that lists it the same way.
 */
final class DocumentPackages {

    /**
     * A package as documents list it: its version, whether directly, and the licences they state for it. One
     * instance serves every document that lists it so, which is what lets a rule's outcome be remembered on it.
     */
    static final class Listed extends Remembered {

        private final Map<String, Object> pkg;
        private final Map<String, Object> scorecard;
        private final String purl;
        private final boolean direct;
        private final List<String> stated;

        private Listed(Map<String, Object> pkg, Map<String, Object> scorecard, boolean direct, List<String> stated,
                int rules) {
            super(rules);
            this.pkg = pkg;
            this.scorecard = scorecard;
            this.purl = (String) pkg.get("purl");
            this.direct = direct;
            this.stated = stated;
        }

        Map<String, Object> pkg() {
            return pkg;
        }

        Map<String, Object> scorecard() {
            return scorecard;
        }

        String purl() {
            return purl;
        }
    }

    private static final String NO_ASSERTION = "NOASSERTION";

    private final GraphStore store;
    private final boolean scorecards;
    private final int rules;
    private final Map<Long, VersionRow> versions = new HashMap<>();
    private final Map<Long, Map<String, Object>> scorecardOf = new HashMap<>();
    /**
     * Per version, the ways documents list it (directness and licences), usually one or two: compared in place, as
     * hashing the licence strings of each of 2.5 million listed components (read anew for each batch) as part of a
     * key cost more than the rest of reading them.
     */
    private final Map<Long, List<Listed>> variants = new HashMap<>();
    /**
     * One instance per distinct list of stated licences (a portfolio has a few thousand): lists compare by identity
     * first, so a version's listings are told apart without comparing strings, and each list's hash is computed
     * over strings that keep theirs.
     */
    private final Map<List<String>, List<String>> statedLists = new HashMap<>();
    private final Map<String, String> expressions = new HashMap<>();

    /**
     * @param scorecards whether some rule reads {@code scorecard}: else none is read
     * @param rules      how many rules the policy has
     */
    DocumentPackages(GraphStore store, boolean scorecards, int rules) {
        this.store = store;
        this.scorecards = scorecards;
        this.rules = rules;
    }

    /** Each document's packages (its subject left out: a rule about packages is about what the subject holds). */
    Map<Long, List<Listed>> of(List<Long> documents) {
        List<ListedRow> rows = store.licences().listedIn(documents);
        List<Long> unseen = rows.stream().map(ListedRow::version).filter(v -> !versions.containsKey(v)).distinct()
                .toList();
        Map<Long, VersionRow> read = store.packages().byIds(unseen);
        versions.putAll(read);
        if (scorecards && !read.isEmpty()) {
            Map<Long, Scorecard> cards = new Scorecards(store).newestOf(read.values());
            read.keySet().forEach(id -> scorecardOf.put(id, Bindings.scorecard(cards.get(id))));
        }
        Map<Long, List<Listed>> byDocument = new HashMap<>();
        for (ListedRow row : rows) {
            byDocument.computeIfAbsent(row.document(), d -> new ArrayList<>())
                    .add(listed(versions.get(row.version()), row.depth() == 1, stated(row)));
        }
        return byDocument;
    }

    /** The one value for the version listed so. */
    private Listed listed(VersionRow v, boolean direct, List<String> stated) {
        List<Listed> known = variants.computeIfAbsent(v.id(), id -> new ArrayList<>(2));
        for (Listed l : known) {
            if (l.direct == direct && l.stated.equals(stated)) {
                return l;
            }
        }
        Listed l = new Listed(Bindings.pkg(v, direct, stated), scorecardOf.getOrDefault(v.id(), Map.of()), direct,
                stated, rules);
        known.add(l);
        return l;
    }

    /**
     * A document's package by purl, else one the document does not list itself (one of an SBOM nested in it), known
     * by its purl alone. The index is built on the first look-up: most policies never look (only a rule about
     * findings that reads {@code pkg} or {@code scorecard} does).
     */
    Function<String, Listed> byPurl(List<Listed> packages) {
        return new Function<>() {
            private Map<String, Listed> index;

            @Override
            public Listed apply(String purl) {
                if (index == null) {
                    index = new HashMap<>();
                    packages.forEach(p -> index.putIfAbsent(p.purl(), p));
                }
                Listed p = index.get(purl);
                return p != null ? p : new Listed(Bindings.pkg(purl), Map.of(), false, List.of(), rules);
            }
        };
    }

    /**
     * The licences the row states, declared then concluded, NOASSERTION and a repeat left out, as the one instance
     * of that list: one or none for most of 2.5 million rows, told without building a list to look the one up.
     */
    private List<String> stated(ListedRow row) {
        String declared = expression(row.declared());
        String concluded = expression(row.concluded());
        if (concluded == null || concluded.equals(declared)) {
            return declared == null ? List.of() : statedLists.computeIfAbsent(List.of(declared), l -> l);
        }
        if (declared == null) {
            return statedLists.computeIfAbsent(List.of(concluded), l -> l);
        }
        return statedLists.computeIfAbsent(List.of(declared, concluded), l -> l);
    }

    /** Its one instance, or null for none stated. */
    private String expression(String stated) {
        return stated == null || stated.equals(NO_ASSERTION) ? null : expressions.computeIfAbsent(stated, e -> e);
    }
}
