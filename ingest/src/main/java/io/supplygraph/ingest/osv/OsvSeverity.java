package io.supplygraph.ingest.osv;

import io.supplygraph.ingest.cvss.CvssScale;
import io.supplygraph.model.fact.AdvisoryFacts.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV2;

/**
 * The severity of an OSV record. A CVSS vector wins over any word: of several, the newest CVSS version (4.0, then
 * 3.1 and 3.0, then 2), since a newer version describes the same flaw with more precision; the record's own
 * {@code severity[]} before those of its {@code affected[]} entries. Without a vector that parses, the rating is
 * the word a database wrote ({@code database_specific.severity}, GitHub's {@code MODERATE} meaning medium, or an
 * entry's {@code ecosystem_specific} / {@code database_specific} severity, or an Ubuntu priority), with no score.
 */
final class OsvSeverity {

    private OsvSeverity() {}

    static Severity of(OsvFile record) {
        List<OsvFile.SeverityEntry> entries = new ArrayList<>(record.severity());
        record.affected().forEach(a -> entries.addAll(a.severity()));
        Severity best = null;
        int bestRank = -1;
        for (OsvFile.SeverityEntry e : entries) {
            int rank = cvssRank(e);
            if (rank > bestRank) {
                Severity s = fromVector(e.score());
                if (s != null) {
                    best = s;
                    bestRank = rank;
                }
            }
        }
        if (best != null) {
            return best;
        }
        List<Object> words = new ArrayList<>();
        words.add(record.databaseSpecific().get("severity"));
        for (OsvFile.Entry a : record.affected()) {
            words.add(a.ecosystemSpecific().get("severity"));
            words.add(a.databaseSpecific().get("severity"));
        }
        entries.stream().filter(e -> cvssRank(e) < 0).forEach(e -> words.add(e.score()));
        for (Object word : words) {
            String rating = word instanceof String w ? rating(w) : null;
            if (rating != null) {
                return new Severity(rating, null, "database_specific");
            }
        }
        return null;
    }

    /** The order in which vectors are preferred; negative for entries that are not CVSS vectors. */
    private static int cvssRank(OsvFile.SeverityEntry e) {
        String score = e.score() == null ? "" : e.score();
        if (score.startsWith("CVSS:4.")) {
            return 4;
        }
        if (score.startsWith("CVSS:3.1")) {
            return 3;
        }
        if (score.startsWith("CVSS:3.0")) {
            return 2;
        }
        return "CVSS_V2".equalsIgnoreCase(e.type()) ? 1 : -1;
    }

    /** The base score and rating of a vector, or null when it does not parse. */
    static Severity fromVector(String vector) {
        if (vector == null || vector.isBlank()) {
            return null;
        }
        try {
            Cvss cvss = Cvss.fromVector(vector.strip());
            if (cvss == null) {
                return null;
            }
            double score = cvss.calculateScore().getBaseScore();
            return new Severity(cvss instanceof CvssV2 ? CvssScale.v2Rating(score) : CvssScale.v3Rating(score), score,
                    vector.strip());
        } catch (RuntimeException e) {
            // MalformedVectorException, or a calculator that chokes on a metric value it does not know
            return null;
        }
    }

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("critical", "critical"),
            Map.entry("high", "high"),
            Map.entry("important", "high"),
            Map.entry("moderate", "medium"),
            Map.entry("medium", "medium"),
            Map.entry("low", "low"),
            Map.entry("negligible", "low"),
            Map.entry("unimportant", "low"),
            Map.entry("none", "none"));

    /** A database's word for severity on our scale, or null for words that rate nothing ("unknown"). */
    static String rating(String word) {
        return WORDS.get(word.strip().toLowerCase(Locale.ROOT));
    }
}
