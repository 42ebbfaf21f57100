package io.supplygraph.analysis.policy;

import io.supplygraph.analysis.provenance.Scorecards;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.LicenceSql.ListedRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /**
     * A package version as read once per check: its row, its {@code scorecard} value, and the ways documents list it
     * (directness and licences), usually one or two. The listings are compared in place: hashing the licence strings
     * of each of 2.5 million listed components as part of a key cost more than the rest of reading them. One map by
     * version id for all three, as each look-up in a map of 40,000 versions is mostly a cache miss.
     */
    private record Version(VersionRow row, Map<String, Object> scorecard, List<Listed> listings) {}

    private final Map<Long, Version> versions = new HashMap<>();
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
        Set<Long> unseen = new HashSet<>();
        for (ListedRow row : rows) {
            if (!versions.containsKey(row.version())) {
                unseen.add(row.version());
            }
        }
        Map<Long, VersionRow> read = store.packages().byIds(List.copyOf(unseen));
        Map<Long, Scorecard> cards = scorecards && !read.isEmpty() ? new Scorecards(store).newestOf(read.values())
                : Map.of();
        read.forEach((id, v) -> versions.put(id, new Version(v, scorecards ? Bindings.scorecard(cards.get(id))
                : Map.of(), new ArrayList<>(2))));
        Map<Long, List<Listed>> byDocument = new HashMap<>();
        long document = -1;
        List<Listed> itsPackages = null;
        for (ListedRow row : rows) {
            if (itsPackages == null || row.document() != document) { // rows come a document at a time
                document = row.document();
                itsPackages = byDocument.computeIfAbsent(document, d -> new ArrayList<>());
            }
            itsPackages.add(listed(versions.get(row.version()), row.depth() == 1, stated(row)));
        }
        return byDocument;
    }

    /** The one value for the version listed so. */
    private Listed listed(Version v, boolean direct, List<String> stated) {
        for (Listed l : v.listings()) {
            if (l.direct == direct && l.stated.equals(stated)) {
                return l;
            }
        }
        Listed l = new Listed(Bindings.pkg(v.row(), direct, stated), v.scorecard(), direct, stated, rules);
        v.listings().add(l);
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
