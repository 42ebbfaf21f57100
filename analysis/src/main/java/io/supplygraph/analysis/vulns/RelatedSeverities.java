package io.supplygraph.analysis.vulns;

import io.supplygraph.analysis.view.Severity;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.AdvisorySql.AdvisoryRow;
import io.supplygraph.store.sql.CveSql.CveSeverity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A severity for findings whose own advisories rate nothing, from elsewhere in the graph: Go's and PyPA's records
 * carry no severity, while a GHSA record for the same CVE, or the CVE Program's record itself, usually does. First
 * any stored advisory that shares an id or alias with the finding (its rating, the source being its id), then a CVE
 * record of one of the finding's CVE ids (the source {@code cve}). Of several, the highest score, then the highest
 * rating, then the smallest id, so that the answer does not depend on the order of rows. Loaded once per query
 * for every unrated finding at once.
 */
final class RelatedSeverities {

    /** A rating and where it came from: an advisory id, or {@code cve}. */
    record Rated(Severity severity, Double score, String source) {}

    static final String CVE = "cve";

    private static final Comparator<Rated> BEST = Comparator
            .comparing((Rated r) -> r.score() == null ? -1 : r.score())
            .thenComparing(Rated::severity)
            .thenComparing(Rated::source, Comparator.reverseOrder());

    private final Map<String, List<Rated>> advisoriesById = new HashMap<>();
    private final Map<String, Rated> cveById = new HashMap<>();

    private RelatedSeverities() {}

    /** @param ids every id and alias of the unrated findings */
    static RelatedSeverities load(GraphStore store, Collection<String> ids) {
        RelatedSeverities related = new RelatedSeverities();
        if (ids.isEmpty()) {
            return related;
        }
        for (AdvisoryRow a : store.advisories().byIds(store.advisories().named(ids)).values()) {
            Severity rating = Severity.fromLabel(a.rating());
            if (rating == Severity.UNRATED) {
                continue;
            }
            Rated rated = new Rated(rating, a.score(), a.osvId());
            Set<String> names = new HashSet<>(a.aliases());
            names.add(a.osvId());
            names.forEach(n -> related.advisoriesById.computeIfAbsent(n, k -> new ArrayList<>()).add(rated));
        }
        for (CveSeverity c : store.cves().rated(ids.stream().filter(i -> i.startsWith("CVE-")).toList())) {
            related.cveById.put(c.cveId(), new Rated(Severity.fromLabel(c.rating()), c.score(), CVE));
        }
        return related;
    }

    /** The highest score, then the highest rating, then the smallest source. */
    static Optional<Rated> best(java.util.stream.Stream<Rated> ratings) {
        return ratings.max(BEST);
    }

    /** The best related rating of a vulnerability known by these ids. */
    Optional<Rated> of(Set<String> ids) {
        Optional<Rated> advisory = ids.stream().flatMap(i -> advisoriesById.getOrDefault(i, List.of()).stream())
                .max(BEST);
        if (advisory.isPresent()) {
            return advisory;
        }
        return ids.stream().map(cveById::get).filter(java.util.Objects::nonNull).max(BEST);
    }
}
