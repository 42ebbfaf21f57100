package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applications: the package versions that documents other than advisories are about (their subjects, at depth 0),
 * found by name and with the documents that describe each; and the application and release each document was
 * stored under (V10__releases.sql), which is how regenerated SBOMs of one release count once.
 */
public final class ApplicationSql {

    /**
     * A document as one of its release's documents.
     *
     * @param supersededBy the id of the document that replaced it ({@code ingest --replace}), or null when current
     */
    public record ReleaseRow(long document, String digest, String application, String release, String producer,
            Long supersededBy, String ingestedAt) {

        public boolean current() {
            return supersededBy == null;
        }
    }

    private static final String RELEASE_COLUMNS = """
            SELECT id, digest, application, release_version, producer, superseded_by, ingested_at FROM document
            """;
    private static final String RELEASES = RELEASE_COLUMNS + " WHERE application IS NOT NULL ORDER BY id";
    private static final String RELEASES_OF = RELEASE_COLUMNS + " WHERE id IN %s";
    private static final String SUPERSEDED = "SELECT id FROM document WHERE superseded_by IS NOT NULL";

    /** An application and how many documents describe it. */
    public record ApplicationRow(long version, String purl, String name, String subjectVersion, boolean synthetic,
            int documents) {}

    private static final String SUBJECTS = """
            SELECT DISTINCT c.package_version_id FROM contains c
            JOIN document d ON d.id = c.document_id
            WHERE c.depth = 0 AND d.format NOT IN ('osv', 'cve')
            """;
    private static final String NAMED = """
            SELECT pv.id, pv.purl, p.name, pv.version, pv.synthetic, COUNT(*) FROM contains c
            JOIN document d ON d.id = c.document_id
            JOIN package_version pv ON pv.id = c.package_version_id
            JOIN package p ON p.id = pv.package_id
            WHERE c.depth = 0 AND d.format NOT IN ('osv', 'cve')
              AND (LOWER(p.name) LIKE ? ESCAPE '\\' OR LOWER(pv.purl) LIKE ? ESCAPE '\\')
            GROUP BY pv.id, pv.purl, p.name, pv.version, pv.synthetic
            ORDER BY p.name, pv.purl
            LIMIT ?
            """;
    private static final String DOCUMENTS = """
            SELECT c.document_id FROM contains c
            JOIN package_version pv ON pv.id = c.package_version_id
            JOIN document d ON d.id = c.document_id
            WHERE c.depth = 0 AND d.format NOT IN ('osv', 'cve') AND pv.purl = ?
            ORDER BY c.document_id DESC
            """;

    private final Session session;

    public ApplicationSql(Session session) {
        this.session = session;
    }

    /** Every document that belongs to an application, superseded ones included, in the order they were stored. */
    public List<ReleaseRow> releases() {
        return Sql.query(session, RELEASES, "listing the releases", ApplicationSql::releaseRow);
    }

    /** The releases of these documents; documents of no application come with a null application. */
    public List<ReleaseRow> releasesOf(Collection<Long> documents) {
        return Sql.select(session, RELEASES_OF, documents, "reading documents' releases", ApplicationSql::releaseRow);
    }

    /** The documents that newer ones of their release replaced: left out of every portfolio answer. */
    public Set<Long> superseded() {
        return new HashSet<>(Sql.query(session, SUPERSEDED, "listing superseded documents", rs -> rs.getLong(1)));
    }

    private static ReleaseRow releaseRow(ResultSet rs) throws SQLException {
        long supersededBy = rs.getLong(6);
        Long superseded = rs.wasNull() ? null : supersededBy;
        return new ReleaseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                superseded, rs.getString(7));
    }

    /** Every application, as the id of its subject's package version. */
    public List<Long> subjects() {
        try (PreparedStatement s = session.connection().prepareStatement(SUBJECTS); ResultSet rs = s.executeQuery()) {
            List<Long> subjects = new ArrayList<>();
            while (rs.next()) {
                subjects.add(rs.getLong(1));
            }
            return subjects;
        } catch (SQLException e) {
            throw Sql.failure("listing the applications", e);
        }
    }

    /** Applications whose name or purl contains {@code fragment}, in any case, by name; at most {@code limit}. */
    public List<ApplicationRow> named(String fragment, int limit) {
        String like = SearchSql.like(fragment);
        try (PreparedStatement s = session.connection().prepareStatement(NAMED)) {
            s.setString(1, like);
            s.setString(2, like);
            s.setInt(3, limit);
            List<ApplicationRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ApplicationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getInt(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Sql.failure("finding applications named " + fragment, e);
        }
    }

    /** The documents whose subject is the package version with this purl, newest first. */
    public List<Long> documents(String subjectPurl) {
        try (PreparedStatement s = session.connection().prepareStatement(DOCUMENTS)) {
            s.setString(1, subjectPurl);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw Sql.failure("finding the documents of " + subjectPurl, e);
        }
    }
}
