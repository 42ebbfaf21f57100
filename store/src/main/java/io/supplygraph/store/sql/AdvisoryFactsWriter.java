package io.supplygraph.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.model.fact.AdvisoryFacts.Advisory;
import io.supplygraph.model.fact.AdvisoryFacts.Affected;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Writes OSV records. A record replaces the one stored under its id unless that one is newer by {@code modified}
 * (equal counts as newer-or-same, so a corrected export with unchanged placeholder times still lands); replacing
 * drops the old record's aliases, entries and findings, which matching then derives again. A withdrawn record is
 * stored without entries, so it asserts no findings.
 */
final class AdvisoryFactsWriter {

    private static final String CURRENT = "SELECT id, modified FROM advisory WHERE osv_id = ?";
    private static final String INSERT = """
            INSERT INTO advisory (document_id, modified, published, withdrawn, summary, kind, rating, score,
                                  severity_source, osv_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """;
    private static final String UPDATE = """
            UPDATE advisory SET document_id = ?, modified = ?, published = ?, withdrawn = ?, summary = ?, kind = ?,
                                rating = ?, score = ?, severity_source = ?
            WHERE osv_id = ?
            """;
    private static final String[] DROP_DERIVED = {
        "DELETE FROM advisory_alias WHERE advisory_id = ?",
        "DELETE FROM advisory_affected WHERE advisory_id = ?",
        "DELETE FROM finding WHERE advisory_id = ?",
    };
    private static final String INSERT_ALIAS = "INSERT INTO advisory_alias (advisory_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String INSERT_AFFECTED = """
            INSERT INTO advisory_affected (advisory_id, ordinal, match_key, release, entry) VALUES (?, ?, ?, ?, ?)
            """;

    private static final ObjectWriter ENTRY_JSON = new ObjectMapper().writer();

    void write(Connection c, long document, AdvisoryFacts facts) throws SQLException {
        for (Advisory advisory : facts.advisories()) {
            write(c, document, advisory);
        }
    }

    private void write(Connection c, long document, Advisory a) throws SQLException {
        Long existing = null;
        try (PreparedStatement s = c.prepareStatement(CURRENT)) {
            s.setString(1, a.id());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (isNewer(rs.getString(2), a.modified())) {
                        return;
                    }
                    existing = rs.getLong(1);
                }
            }
        }
        long id;
        if (existing == null) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                bind(s, document, a);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
        } else {
            id = existing;
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                bind(s, document, a);
                s.executeUpdate();
            }
            for (String sql : DROP_DERIVED) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, id);
                    s.executeUpdate();
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ALIAS)) {
            for (String alias : a.aliases()) {
                s.setLong(1, id);
                s.setString(2, alias);
                s.addBatch();
            }
            s.executeBatch();
        }
        if (a.withdrawn() != null) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_AFFECTED)) {
            for (int i = 0; i < a.affected().size(); i++) {
                Affected affected = a.affected().get(i);
                s.setLong(1, id);
                s.setInt(2, i);
                s.setString(3, affected.key());
                s.setString(4, affected.release());
                s.setString(5, json(affected));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, long document, Advisory a) throws SQLException {
        s.setLong(1, document);
        s.setString(2, a.modified());
        s.setString(3, a.published());
        s.setString(4, a.withdrawn());
        s.setString(5, a.summary());
        s.setString(6, a.kind().label());
        s.setString(7, a.severity() == null ? null : a.severity().rating());
        if (a.severity() == null || a.severity().score() == null) {
            s.setNull(8, Types.DOUBLE);
        } else {
            s.setDouble(8, a.severity().score());
        }
        s.setString(9, a.severity() == null ? null : a.severity().source());
        s.setString(10, a.id());
    }

    /** True when the stored record is strictly newer than the incoming one. */
    static boolean isNewer(String stored, String incoming) {
        try {
            return Instant.parse(stored).isAfter(Instant.parse(incoming));
        } catch (DateTimeParseException e) {
            return stored.compareTo(incoming) > 0;
        }
    }

    private static String json(Affected affected) {
        try {
            return ENTRY_JSON.writeValueAsString(affected.entry());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an OSV entry read from JSON no longer writes as JSON", e);
        }
    }
}
