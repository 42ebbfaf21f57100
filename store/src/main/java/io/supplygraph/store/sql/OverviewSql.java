package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a portfolio's front page counts: documents people ingested (advisories apart), the applications they
 * describe (and their releases), packages, advisories and how fresh they are. One statement, so that the page costs
 * one round trip however large the graph.
 */
public final class OverviewSql {

    /**
     * @param advisoriesModified the newest {@code modified} date among the advisories: how current the data is
     */
    public record Counts(long documents, long applications, long releases, long packages, long advisories,
            String advisoriesModified) {}

    private static final String COUNTS = """
            SELECT
              (SELECT COUNT(*) FROM document WHERE format NOT IN ('osv', 'cve')),
              (SELECT COUNT(DISTINCT application) FROM document
               WHERE application IS NOT NULL AND superseded_by IS NULL),
              (SELECT COUNT(*) FROM (SELECT DISTINCT application, release_version FROM document
                                     WHERE application IS NOT NULL AND superseded_by IS NULL) releases),
              (%s),
              (SELECT COUNT(*) FROM advisory),
              (SELECT MAX(modified) FROM advisory)
            """.formatted(StatsSql.PACKAGES_IN_USE);


    /**
     * Changes whenever a document is stored or deleted, or a job finishes: what a cached overview is keyed by. The
     * newest ingest time is in it because SQLite gives a new row the id of a deleted newest one: delete the newest
     * document and store another, and the count and the greatest id are what they were.
     */
    private static final String REVISION = """
            SELECT (SELECT COUNT(*) FROM document), (SELECT MAX(id) FROM document),
                   (SELECT MAX(ingested_at) FROM document), (SELECT MAX(finished_at) FROM upload_job)
            """;

    private final Session session;

    public OverviewSql(Session session) {
        this.session = session;
    }

    /** A value that differs after any change the overview would show; it costs milliseconds to read. */
    public String revision() {
        try (PreparedStatement s = session.connection().prepareStatement(REVISION); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3) + "/" + rs.getString(4);
        } catch (SQLException e) {
            throw Sql.failure("reading the graph's revision", e);
        }
    }

    public Counts counts() {
        try (PreparedStatement s = session.connection().prepareStatement(COUNTS); ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getString(6));
        } catch (SQLException e) {
            throw Sql.failure("counting the portfolio", e);
        }
    }
}
