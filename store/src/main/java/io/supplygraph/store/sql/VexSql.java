package io.supplygraph.store.sql;

import io.supplygraph.model.fact.VexFacts.Status;
import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** VEX statements as stored: by the packages they are about, or all of them, with every id of their vulnerability. */
public final class VexSql {

    /**
     * One stored statement about one package version.
     *
     * @param vulnerabilityIds the statement's vulnerability id and aliases, upper-cased
     * @param packageVersion   null when the statement is about every version
     * @param productPurl      the product the statement is scoped to, or null
     * @param timestamp        null when the document gave none
     */
    public record StatementRow(long documentId, int ordinal, String documentDigest, String vulnerability,
            Set<String> vulnerabilityIds, String packagePurl, String packageBase, String packageVersion,
            String productPurl, String productBase, String productVersion, String productLabel, Status status,
            String justification, String impactStatement, String actionStatement, Instant timestamp) {}

    private static final String SELECT = """
            SELECT s.document_id, s.ordinal, d.digest, s.vulnerability, v.vulnerability_id, s.package_purl,
                   s.package_base, s.package_version, s.product_purl, s.product_base, s.product_version,
                   s.product_label, s.status, s.justification, s.impact_statement, s.action_statement, s.issued_at
            FROM vex_statement s
            JOIN document d ON d.id = s.document_id
            JOIN vex_vulnerability v ON v.document_id = s.document_id AND v.ordinal = s.ordinal
            """;
    private static final String ORDER = " ORDER BY s.document_id, s.ordinal";
    private static final String BY_PACKAGES = SELECT + " WHERE s.package_base IN %s" + ORDER;
    private static final String ALL = SELECT + ORDER;
    private static final String BY_VULNERABILITY = SELECT + """
             WHERE EXISTS (SELECT 1 FROM vex_vulnerability f
                           WHERE f.document_id = s.document_id AND f.ordinal = s.ordinal AND f.vulnerability_id = ?)
            """ + ORDER;

    private static final String NAMED_IDS = "SELECT DISTINCT vulnerability_id FROM vex_vulnerability";

    private final Session session;

    public VexSql(Session session) {
        this.session = session;
    }

    /** How vulnerability ids are compared: CVE, GHSA and OSV ids are case-insensitive. */
    public static String normaliseId(String id) {
        return id.strip().toUpperCase(Locale.ROOT);
    }

    /** Every vulnerability id some statement names (normalised): a few thousand at most, read once per query. */
    public Set<String> namedVulnerabilities() {
        try (PreparedStatement s = session.connection().prepareStatement(NAMED_IDS);
                java.sql.ResultSet rs = s.executeQuery()) {
            Set<String> ids = new java.util.HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw Sql.failure("reading VEX vulnerability ids", e);
        }
    }

    /** Statements about any version of these packages (purls without version, as {@code PackageIdentity.base}). */
    public List<StatementRow> about(Collection<String> packageBases) {
        List<StatementRow> rows = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(new ArrayList<>(new LinkedHashSet<>(packageBases)))) {
            try (PreparedStatement s = session.connection().prepareStatement(Sql.inList(BY_PACKAGES, chunk.size()))) {
                Sql.bindStrings(s, 1, chunk);
                rows.addAll(rows(s));
            } catch (SQLException e) {
                throw Sql.failure("reading VEX statements", e);
            }
        }
        return rows;
    }

    /** Every statement, or those whose vulnerability goes by {@code vulnerabilityId} (any case), when it is not null. */
    public List<StatementRow> all(String vulnerabilityId) {
        try (PreparedStatement s = session.connection().prepareStatement(
                vulnerabilityId == null ? ALL : BY_VULNERABILITY)) {
            if (vulnerabilityId != null) {
                s.setString(1, normaliseId(vulnerabilityId));
            }
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("reading VEX statements", e);
        }
    }

    /** One row per statement and id, in statement order: consecutive rows of one statement fold into one. */
    private static List<StatementRow> rows(PreparedStatement s) throws SQLException {
        List<StatementRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long document = rs.getLong(1);
                int ordinal = rs.getInt(2);
                StatementRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                if (last != null && last.documentId() == document && last.ordinal() == ordinal) {
                    last.vulnerabilityIds().add(rs.getString(5));
                    continue;
                }
                Set<String> ids = new LinkedHashSet<>();
                ids.add(rs.getString(5));
                long issued = rs.getLong(17);
                Instant timestamp = rs.wasNull() ? null : Instant.ofEpochMilli(issued);
                rows.add(new StatementRow(document, ordinal, rs.getString(3), rs.getString(4), ids, rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), Status.fromLabel(rs.getString(13)).orElseThrow(), rs.getString(14),
                        rs.getString(15), rs.getString(16), timestamp));
            }
        }
        return rows;
    }
}
