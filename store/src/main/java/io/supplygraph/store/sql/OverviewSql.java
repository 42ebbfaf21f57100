package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a portfolio's front page counts: documents people ingested (advisories apart), the applications they
 * describe (their subjects), packages, advisories and how fresh they are. One statement, so that the page costs
 * one round trip however large the graph.
 */
public final class OverviewSql {

    /**
     * @param advisoriesModified the newest {@code modified} date among the advisories: how current the data is
     */
    public record Counts(long documents, long applications, long packages, long advisories,
            String advisoriesModified) {}

    private static final String COUNTS = """
            SELECT
              (SELECT COUNT(*) FROM document WHERE format <> 'osv'),
              (SELECT COUNT(*) FROM (%s) subjects),
              (SELECT COUNT(DISTINCT pv.package_id) FROM package_version pv
                 WHERE pv.id IN (SELECT package_version_id FROM contains)),
              (SELECT COUNT(*) FROM advisory),
              (SELECT MAX(modified) FROM advisory)
            """.formatted(ApplicationSql.SUBJECTS);

    private final Session session;

    public OverviewSql(Session session) {
        this.session = session;
    }

    public Counts counts() {
        try (PreparedStatement s = session.connection().prepareStatement(COUNTS); ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
        } catch (SQLException e) {
            throw Sql.failure("counting the portfolio", e);
        }
    }
}
