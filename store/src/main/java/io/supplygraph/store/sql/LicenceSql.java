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

    /** One package version's licences as one document states them, by ids, for reading many documents at once. */
    public record VersionLicenceRow(long document, long version, String declared, String concluded) {}

    private static final String BY_VERSION_IN_DOCUMENTS = """
            SELECT document_id, package_version_id, declared, concluded FROM licence WHERE document_id IN %s
            """;

    private final Session session;

    public LicenceSql(Session session) {
        this.session = session;
    }

    public List<LicenceRow> ofDocuments(List<Long> documents) {
        return Sql.select(session, OF_DOCUMENTS, documents, "reading licences",
                rs -> new LicenceRow(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    public List<VersionLicenceRow> byVersionInDocuments(List<Long> documents) {
        return Sql.select(session, BY_VERSION_IN_DOCUMENTS, documents, "reading licences",
                rs -> new VersionLicenceRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
    }
}
