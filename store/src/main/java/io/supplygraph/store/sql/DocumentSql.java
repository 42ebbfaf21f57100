package io.supplygraph.store.sql;

import io.supplygraph.model.Trust;
import io.supplygraph.store.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Documents: listing, finding by digest, and deleting one with every fact it asserted. */
public final class DocumentSql {

    /**
     * A stored document, with its first subject.
     *
     * @param supersededBy the digest of the document that replaced it in its release, or null
     */
    public record DocumentRow(long id, String digest, String format, String specVersion, String name, String source,
            long sizeBytes, int componentCount, int warningCount, String ingestedAt, String subjectPurl,
            String subjectName, String subjectVersion, boolean subjectSynthetic, Trust trust, String application,
            String release, String producer, String supersededBy) {}

    private static final String SELECT = """
            SELECT d.id, d.digest, d.format, d.spec_version, d.name, d.source, d.size_bytes, d.component_count,
                   d.warning_count, d.ingested_at, pv.purl, p.name, pv.version, pv.synthetic,
                   d.trust, d.signer, d.trust_reason, d.application, d.release_version, d.producer,
                   (SELECT n.digest FROM document n WHERE n.id = d.superseded_by)
            FROM document d
            LEFT JOIN package_version pv ON pv.id = (
                SELECT MIN(c.package_version_id) FROM contains c WHERE c.document_id = d.id AND c.depth = 0)
            LEFT JOIN package p ON p.id = pv.package_id
            """;
    private static final String ALL = SELECT + " ORDER BY d.id";
    private static final String BY_IDS = SELECT + " WHERE d.id IN %s";
    private static final String DIGESTS = "SELECT id, digest FROM document WHERE id IN %s";
    private static final String BY_DIGEST_PREFIX = SELECT + " WHERE d.digest LIKE ? ORDER BY d.id";
    /**
     * Advisories (OSV and CVE records, one document each) are imported by the hundred thousand: lists of what people
     * ingested leave them out, and they are listed a page at a time in SQL.
     */
    static final String ADVISORY_FORMATS = "('osv', 'cve')";
    private static final String INGESTED = SELECT + " WHERE d.format NOT IN " + ADVISORY_FORMATS + " ORDER BY d.id";
    private static final String RECENT = SELECT + " WHERE d.format NOT IN " + ADVISORY_FORMATS
            + " ORDER BY d.id DESC LIMIT ?";
    private static final String ADVISORIES_NAMED = " WHERE d.format IN " + ADVISORY_FORMATS
            + " AND LOWER(COALESCE(d.name, '')) LIKE ? ESCAPE '\\'";
    private static final String ADVISORIES = SELECT + ADVISORIES_NAMED + " ORDER BY d.id DESC LIMIT ? OFFSET ?";
    private static final String ADVISORIES_COUNTED = "SELECT COUNT(*) FROM document d" + ADVISORIES_NAMED;
    private static final String WARNINGS = """
            SELECT message FROM document_warning WHERE document_id = ? ORDER BY ordinal
            """;
    /** Every table that holds facts of a document; the document row goes last. */
    private static final List<String> DELETES = List.of(
            "DELETE FROM contains WHERE document_id = ?",
            "DELETE FROM depends_on WHERE document_id = ?",
            "DELETE FROM occurrence WHERE document_id = ?",
            "DELETE FROM licence WHERE document_id = ?",
            "DELETE FROM vex_statement WHERE document_id = ?",
            "DELETE FROM vex_vulnerability WHERE document_id = ?",
            "DELETE FROM source_of WHERE document_id = ?",
            "DELETE FROM attestation WHERE document_id = ?",
            "DELETE FROM attestation_subject WHERE document_id = ?",
            "DELETE FROM provenance WHERE document_id = ?",
            "DELETE FROM provenance_material WHERE document_id = ?",
            "DELETE FROM scorecard WHERE document_id = ?",
            "DELETE FROM scorecard_check WHERE document_id = ?",
            "DELETE FROM document_warning WHERE document_id = ?",
            "DELETE FROM finding WHERE advisory_id IN (SELECT id FROM advisory WHERE document_id = ?)",
            "DELETE FROM advisory_affected WHERE advisory_id IN (SELECT id FROM advisory WHERE document_id = ?)",
            "DELETE FROM advisory_alias WHERE advisory_id IN (SELECT id FROM advisory WHERE document_id = ?)",
            "DELETE FROM advisory WHERE document_id = ?",
            "DELETE FROM cve_record WHERE document_id = ?",
            "DELETE FROM document WHERE id = ?");

    private final Session session;

    public DocumentSql(Session session) {
        this.session = session;
    }

    public List<DocumentRow> all() {
        try (PreparedStatement s = session.connection().prepareStatement(ALL)) {
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("listing documents", e);
        }
    }

    public Map<Long, DocumentRow> byIds(Collection<Long> ids) {
        Map<Long, DocumentRow> byId = new HashMap<>();
        for (List<Long> chunk : Sql.chunks(new ArrayList<>(ids))) {
            try (PreparedStatement s = session.connection().prepareStatement(Sql.inList(BY_IDS, chunk.size()))) {
                Sql.bindLongs(s, 1, chunk);
                for (DocumentRow row : rows(s)) {
                    byId.put(row.id(), row);
                }
            } catch (SQLException e) {
                throw Sql.failure("reading documents", e);
            }
        }
        return byId;
    }

    /** The digests of documents, by id: all a query needs that already knows each document's subject. */
    public Map<Long, String> digests(Collection<Long> ids) {
        Map<Long, String> digests = new HashMap<>();
        for (Map.Entry<Long, String> row : Sql.select(session, DIGESTS, ids, "reading document digests",
                rs -> Map.entry(rs.getLong(1), rs.getString(2)))) {
            digests.put(row.getKey(), row.getValue());
        }
        return digests;
    }

    /** Every document other than advisories, in the order they were stored. */
    public List<DocumentRow> ingested() {
        try (PreparedStatement s = session.connection().prepareStatement(INGESTED)) {
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("listing documents", e);
        }
    }

    /** One page of the advisory documents whose name (the record's id) contains {@code fragment}, newest first. */
    public List<DocumentRow> advisories(String fragment, int limit, long offset) {
        try (PreparedStatement s = session.connection().prepareStatement(ADVISORIES)) {
            s.setString(1, SearchSql.like(fragment));
            s.setInt(2, limit);
            s.setLong(3, offset);
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("listing advisories", e);
        }
    }

    /** How many advisory documents {@link #advisories} pages through. */
    public long countAdvisories(String fragment) {
        try (PreparedStatement s = session.connection().prepareStatement(ADVISORIES_COUNTED)) {
            s.setString(1, SearchSql.like(fragment));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Sql.failure("counting advisories", e);
        }
    }

    /** The newest documents other than advisories, newest first. */
    public List<DocumentRow> recent(int limit) {
        try (PreparedStatement s = session.connection().prepareStatement(RECENT)) {
            s.setInt(1, limit);
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("listing recent documents", e);
        }
    }

    /**
     * Documents whose digest starts with {@code prefix}: {@code sha256:<hex>} in full, or its first characters
     * as a user would type them; {@code sha256:} may be left out.
     */
    public List<DocumentRow> byDigestPrefix(String prefix) {
        try {
            return byDigestPrefix(session.connection(), prefix);
        } catch (SQLException e) {
            throw Sql.failure("finding document " + prefix, e);
        }
    }

    private static List<DocumentRow> byDigestPrefix(Connection c, String prefix) throws SQLException {
        String p = prefix.contains(":") ? prefix : "sha256:" + prefix;
        try (PreparedStatement s = c.prepareStatement(BY_DIGEST_PREFIX)) {
            s.setString(1, p.replace("%", "").replace("_", "") + "%");
            return rows(s);
        }
    }

    /**
     * Deletes the document whose digest starts with {@code prefix} when exactly one does, finding it in the same
     * transaction: looked up before it, the document could be another writer's half-stored one, or gone. Answers
     * the documents the prefix named; none was deleted unless there was one.
     */
    public List<DocumentRow> deleteByDigestPrefix(String prefix) {
        try {
            return Transaction.run(session.writer(), c -> {
                List<DocumentRow> named = byDigestPrefix(c, prefix);
                if (named.size() == 1) {
                    delete(c, named.get(0).id());
                }
                return named;
            });
        } catch (SQLException e) {
            throw Sql.failure("deleting document " + prefix, e);
        }
    }

    public List<String> warnings(long documentId) {
        try (PreparedStatement s = session.connection().prepareStatement(WARNINGS)) {
            s.setLong(1, documentId);
            List<String> warnings = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    warnings.add(rs.getString(1));
                }
            }
            return warnings;
        } catch (SQLException e) {
            throw Sql.failure("reading warnings", e);
        }
    }

    /** Deletes the document and the facts it asserted, atomically. Facts other documents asserted stay. */
    public void delete(long documentId) {
        try {
            Transaction.run(session.writer(), c -> {
                delete(c, documentId);
                return null;
            });
        } catch (SQLException e) {
            throw Sql.failure("deleting document " + documentId, e);
        }
    }

    private static void delete(Connection c, long documentId) throws SQLException {
        for (String sql : DELETES) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, documentId);
                s.executeUpdate();
            }
        }
    }

    private static List<DocumentRow> rows(PreparedStatement s) throws SQLException {
        List<DocumentRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new DocumentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getInt(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getInt(14) == 1,
                        Trust.of(rs.getString(15), rs.getString(16), rs.getString(17)), rs.getString(18),
                        rs.getString(19), rs.getString(20), rs.getString(21)));
            }
        }
        return rows;
    }
}
