package io.supplygraph.store.sql;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.SbomFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The application and release a document is about, and its producer, as they are stored with it: named by the user
 * ({@code ingest --app}), else by the document's subject (its purl without the version, or its name when it has no
 * purl, and its version). Documents without a subject (VEX, advisories, provenance) belong to no application.
 */
record Release(String application, String version, String producer) {

    private static final Release NONE = new Release(null, null, null);

    /**
     * Marks the older current documents of a release from the same producer as superseded by the new one. Producers
     * compare in any case; a document without a producer replaces only others without one.
     */
    private static final String SUPERSEDE = """
            UPDATE document SET superseded_by = ?
            WHERE application = ? AND release_version IS NOT DISTINCT FROM ?
              AND LOWER(producer) IS NOT DISTINCT FROM LOWER(?)
              AND id <> ? AND superseded_by IS NULL
            """;

    static Release of(DocumentRecord record) {
        SbomFacts sbom = record.facts() instanceof SbomFacts s ? s
                : record.facts() instanceof AttestationFacts a ? a.sbom() : null;
        if (sbom == null || sbom.subjects().length == 0) {
            return record.naming().application() == null ? NONE
                    : new Release(record.naming().application(), record.naming().release(), null);
        }
        PackageIdentity subject = sbom.subject();
        String application = record.naming().application() != null ? record.naming().application()
                : subject.synthetic() ? subject.name() : subject.base();
        String version = record.naming().release() != null ? record.naming().release() : subject.version();
        return new Release(application, version, sbom.producer());
    }

    void supersedeOlder(Connection c, long document) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SUPERSEDE)) {
            s.setLong(1, document);
            s.setString(2, application);
            s.setString(3, version);
            s.setString(4, producer);
            s.setLong(5, document);
            s.executeUpdate();
        }
    }
}
