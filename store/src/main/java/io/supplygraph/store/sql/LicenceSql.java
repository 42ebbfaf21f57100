package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.util.List;

/** The licences documents declare or conclude for the package versions they list. */
public final class LicenceSql {

    /** One package version's licences as one document states them; either may be null. */
    public record LicenceRow(String purl, String declared, String concluded) {}

    private static final String OF_DOCUMENTS = """
            SELECT pv.purl, l.declared, l.concluded FROM licence l
            JOIN package_version pv ON pv.id = l.package_version_id
            WHERE l.document_id IN %s
            ORDER BY pv.purl
            """;

    /**
     * A package version a document lists below its subject, by ids, how deep, and the licences the document states
     * for it (both null where it states none).
     */
    public record ListedRow(long document, long version, int depth, String declared, String concluded) {}

    /**
     * Both tables are keyed by (document, version), so the join walks them side by side: what the documents list and
     * their licences in one pass, without matching 2.5 million rows of one to the other in Java for a portfolio.
     */
    private static final String LISTED_IN = """
            SELECT c.document_id, c.package_version_id, c.depth, l.declared, l.concluded
            FROM contains c
            LEFT JOIN licence l ON l.document_id = c.document_id AND l.package_version_id = c.package_version_id
            WHERE c.document_id IN %s AND c.depth > 0
            """;

    /**
     * A package version some documents list below their subject, with the licences they state for it (both null
     * where none is stated), how many of them state it so, and the first of them.
     */
    public record LicensedRow(long version, String purl, String declared, String concluded, int documents,
            long firstDocument) {}

    /** Grouped in the database: a portfolio's 2.5 million listed components share a few thousand licence rows. */
    private static final String LICENSED = """
            SELECT pv.id, pv.purl, l.declared, l.concluded, COUNT(*), MIN(c.document_id)
            FROM contains c
            JOIN package_version pv ON pv.id = c.package_version_id
            LEFT JOIN licence l ON l.document_id = c.document_id AND l.package_version_id = c.package_version_id
            WHERE c.depth > 0 %s
            GROUP BY pv.id, pv.purl, l.declared, l.concluded
            """;

    private final Session session;

    public LicenceSql(Session session) {
        this.session = session;
    }

    public List<LicenceRow> ofDocuments(List<Long> documents) {
        return Sql.select(session, OF_DOCUMENTS, documents, "reading licences",
                rs -> new LicenceRow(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** What the documents list below their subjects, with the licences they state for each. */
    public List<ListedRow> listedIn(List<Long> documents) {
        return Sql.select(session, LISTED_IN, documents, "reading listed components and their licences",
                rs -> new ListedRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
    }

    /**
     * The components the given documents list, with their licences; a package version several of them list may
     * come once per chunk of {@value Sql#CHUNK} documents, which the caller adds up.
     */
    public List<LicensedRow> licensedIn(List<Long> documents) {
        return Sql.select(session, LICENSED.formatted("AND c.document_id IN %s"), documents, "reading licences",
                LicenceSql::licensed);
    }

    /** The components every document lists, with their licences. */
    public List<LicensedRow> licensedInPortfolio() {
        return Sql.query(session, LICENSED.formatted(""), "reading licences", LicenceSql::licensed);
    }

    private static LicensedRow licensed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LicensedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getLong(6));
    }
}
