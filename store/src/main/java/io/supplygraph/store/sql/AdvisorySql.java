package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stored advisories: by id or alias, their affected entries by match key, and what a document asserted. */
public final class AdvisorySql {

    /** An advisory as stored, with its aliases. */
    public record AdvisoryRow(long id, String osvId, List<String> aliases, String modified, String published,
            String withdrawn, String summary, String kind, String rating, Double score, String severitySource) {}

    /** An affected entry: its match key and release, and the entry as OSV JSON. */
    public record AffectedRow(long advisory, int ordinal, String key, String release, String entry) {}

    private static final String AFFECTED = "SELECT advisory_id, ordinal, match_key, release, entry FROM advisory_affected";
    private static final String AFFECTED_BY_KEYS = AFFECTED + " WHERE match_key IN %s";
    private static final String AFFECTED_OF_DOCUMENTS = AFFECTED
            + " WHERE advisory_id IN (SELECT id FROM advisory WHERE document_id IN %s)";
    private static final String AFFECTED_OF_ADVISORIES = AFFECTED + " WHERE advisory_id IN %s";
    private static final String BY_IDS = """
            SELECT id, osv_id, modified, published, withdrawn, summary, kind, rating, score, severity_source
            FROM advisory WHERE id IN %s
            """;
    private static final String ALIASES = "SELECT advisory_id, alias FROM advisory_alias WHERE advisory_id IN %s";
    private static final String NAMED = """
            SELECT id FROM advisory WHERE osv_id IN %1$s
            UNION SELECT advisory_id FROM advisory_alias WHERE alias IN %1$s
            """;

    private final Session session;

    public AdvisorySql(Session session) {
        this.session = session;
    }

    /** Entries whose package has one of these keys. */
    public List<AffectedRow> affectedByKeys(Collection<String> keys) {
        return Sql.selectStrings(session, AFFECTED_BY_KEYS, keys, "finding advisories by package",
                AdvisorySql::affected);
    }

    /** Entries of the advisories that these documents assert now (not those a newer record replaced). */
    public List<AffectedRow> affectedOfDocuments(Collection<Long> documents) {
        return Sql.select(session, AFFECTED_OF_DOCUMENTS, documents, "reading advisory entries",
                AdvisorySql::affected);
    }

    public List<AffectedRow> affectedOf(Collection<Long> advisories) {
        return Sql.select(session, AFFECTED_OF_ADVISORIES, advisories, "reading advisory entries",
                AdvisorySql::affected);
    }

    public Map<Long, AdvisoryRow> byIds(Collection<Long> ids) {
        Map<Long, List<String>> aliases = new HashMap<>();
        Sql.select(session, ALIASES, ids, "reading advisory aliases",
                rs -> aliases.computeIfAbsent(rs.getLong(1), a -> new ArrayList<>()).add(rs.getString(2)));
        Map<Long, AdvisoryRow> byId = new HashMap<>();
        Sql.select(session, BY_IDS, ids, "reading advisories", rs -> {
            double score = rs.getDouble(9);
            Double s = rs.wasNull() ? null : score;
            List<String> a = aliases.getOrDefault(rs.getLong(1), List.of()).stream().sorted().toList();
            return new AdvisoryRow(rs.getLong(1), rs.getString(2), a, rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), s, rs.getString(10));
        }).forEach(row -> byId.put(row.id(), row));
        return byId;
    }

    /** The advisories that have one of these ids, as their own id or as an alias. */
    public Set<Long> named(Collection<String> ids) {
        Set<Long> found = new LinkedHashSet<>();
        List<String> list = new ArrayList<>(ids);
        for (List<String> chunk : Sql.chunks(list)) {
            String sql = String.format(NAMED, Sql.placeholders(chunk.size()));
            try (var s = session.connection().prepareStatement(sql)) {
                Sql.bindStrings(s, 1, chunk);
                Sql.bindStrings(s, 1 + chunk.size(), chunk);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw Sql.failure("finding advisories", e);
            }
        }
        return found;
    }

    private static AffectedRow affected(ResultSet rs) throws SQLException {
        return new AffectedRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
