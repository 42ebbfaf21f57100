package io.supplygraph.store.sql;

import io.supplygraph.model.fact.AdvisoryFacts.Severity;
import io.supplygraph.model.fact.CveFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes a CVE record's severity: one row per CVE id, which a record with the same or a newer {@code dateUpdated}
 * replaces and an older one leaves alone (a cvelistV5 release and a later delta may bring one CVE twice, in any
 * order). Dates are ISO 8601 as the CVE Program writes them, which order as text.
 */
final class CveFactsWriter {

    private static final String UPSERT = """
            INSERT INTO cve_record (cve_id, document_id, date_updated, state, rating, score, vector, provider)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (cve_id) DO UPDATE SET document_id = excluded.document_id,
                date_updated = excluded.date_updated, state = excluded.state, rating = excluded.rating,
                score = excluded.score, vector = excluded.vector, provider = excluded.provider
            WHERE cve_record.date_updated IS NULL OR excluded.date_updated >= cve_record.date_updated
            """;

    void write(Connection c, long document, CveFacts facts) throws SQLException {
        Severity s = facts.severity();
        try (PreparedStatement statement = c.prepareStatement(UPSERT)) {
            statement.setString(1, facts.cveId());
            statement.setLong(2, document);
            statement.setString(3, facts.dateUpdated());
            statement.setString(4, facts.state());
            statement.setString(5, s == null ? null : s.rating());
            if (s == null || s.score() == null) {
                statement.setNull(6, Types.DOUBLE);
            } else {
                statement.setDouble(6, s.score());
            }
            statement.setString(7, s == null ? null : s.source());
            statement.setString(8, facts.provider());
            statement.executeUpdate();
        }
    }
}
