package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.util.Collection;
import java.util.List;

/** OpenSSF Scorecard results of source repositories. */
public final class ScorecardSql {

    public record ScorecardRow(long document, String documentDigest, String url, String revision, String scoredOn,
            double score, String scorecardVersion) {}

    public record CheckRow(long document, String name, int score, String reason) {}

    private static final String BY_URLS = """
            SELECT sc.document_id, d.digest, s.url, sc.revision, sc.scored_on, sc.score, sc.scorecard_version
            FROM scorecard sc
            JOIN source s ON s.id = sc.source_id
            JOIN document d ON d.id = sc.document_id
            WHERE s.url IN %s
            """;
    private static final String CHECKS = """
            SELECT document_id, name, score, reason FROM scorecard_check WHERE document_id IN %s ORDER BY name
            """;

    private final Session session;

    public ScorecardSql(Session session) {
        this.session = session;
    }

    /** Results for repositories by normalised URL. */
    public List<ScorecardRow> forRepositories(Collection<String> urls) {
        return Sql.select(session, BY_URLS, urls, "reading scorecards",
                rs -> new ScorecardRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDouble(6), rs.getString(7)));
    }

    public List<CheckRow> checks(Collection<Long> documents) {
        return Sql.select(session, CHECKS, documents, "reading scorecard checks",
                rs -> new CheckRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
    }
}
