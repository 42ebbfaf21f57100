package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** FIRST's EPSS scores: per CVE, the probability of exploitation in the next 30 days and its percentile. */
public final class EpssSql {

    public record EpssRow(String cveId, double probability, double percentile, String scoreDate) {}

    static final String SOURCE = "epss";

    private static final String INSERT = """
            INSERT INTO epss_score (cve_id, probability, percentile, score_date) VALUES (?, ?, ?, ?)
            """;
    private static final String BY_CVES = """
            SELECT cve_id, probability, percentile, score_date FROM epss_score WHERE cve_id IN %s
            """;

    private final Session session;

    public EpssSql(Session session) {
        this.session = session;
    }

    /** Replaces every score: {@code version} is the file's model version and score date. */
    public void replace(List<EpssRow> rows, String version, String importedAt) {
        ExploitFeeds.replace(session, "epss_score", INSERT, rows, (s, r) -> {
            s.setString(1, r.cveId());
            s.setDouble(2, r.probability());
            s.setDouble(3, r.percentile());
            s.setString(4, r.scoreDate());
        }, new ExploitFeeds.Feed(SOURCE, version, importedAt, rows.size()));
    }

    public List<EpssRow> byCves(Collection<String> cves) {
        return Sql.selectStrings(session, BY_CVES, cves, "reading EPSS scores",
                (ResultSet rs) -> new EpssRow(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4)));
    }

}
