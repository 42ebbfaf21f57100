package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.util.Collection;
import java.util.List;

/** The severities CVE records give (cve import), by CVE id. */
public final class CveSql {

    /**
     * A CVE record's rating.
     *
     * @param vector   the CVSS vector the score belongs to
     * @param provider whose metric: {@code cna} or {@code adp:CISA-ADP}
     */
    public record CveSeverity(String cveId, String rating, Double score, String vector, String provider) {}

    private static final String RATED = """
            SELECT cve_id, rating, score, vector, provider FROM cve_record
            WHERE rating IS NOT NULL AND cve_id IN %s
            """;

    private final Session session;

    public CveSql(Session session) {
        this.session = session;
    }

    /** The records among these ids (any id may be given; only CVE ids can be found) that rate their CVE. */
    public List<CveSeverity> rated(Collection<String> ids) {
        return Sql.selectStrings(session, RATED, ids, "reading CVE severities", rs -> {
            double score = rs.getDouble(3);
            return new CveSeverity(rs.getString(1), rs.getString(2), rs.wasNull() ? null : score, rs.getString(4),
                    rs.getString(5));
        });
    }
}
