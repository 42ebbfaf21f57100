package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applications: the package versions that documents other than advisories are about (their subjects, at depth 0),
 * found by name and with the documents that describe each.
 */
public final class ApplicationSql {

    /** An application and how many documents describe it. */
    public record ApplicationRow(long version, String purl, String name, String subjectVersion, boolean synthetic,
            int documents) {}

    static final String SUBJECTS = """
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
