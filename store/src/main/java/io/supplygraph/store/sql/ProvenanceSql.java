package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.util.Collection;
import java.util.List;

/** SLSA provenance, found through its subjects: artifacts by digest, or package versions a subject's purl names. */
public final class ProvenanceSql {

    /**
     * One provenance and the subject through which it was found.
     *
     * @param subjectArtifact the subject's artifact, or null for a subject named by purl only
     * @param subjectVersion  the package version the subject's uri names, or null
     */
    public record ProvenanceRow(long document, String documentDigest, String subjectName, String subjectDigest,
            Long subjectArtifact, Long subjectVersion, String slsaVersion, String builderId, String buildType,
            String invocationId, String startedOn, String finishedOn, String sourceUrl, String sourceRevision,
            String externalParameters) {}

    /** One material of a build, one row per digest; {@code digest} is null for a material without one. */
    public record MaterialRow(long document, int ordinal, String uri, String digest, String sourceUrl,
            String revision) {}

    private static final String SELECT = """
            SELECT p.document_id, d.digest, s.name, a.digest, s.artifact_id, s.package_version_id, p.slsa_version,
                   p.builder_id, p.build_type, p.invocation_id, p.started_on, p.finished_on, src.url,
                   p.source_revision, p.external_parameters
            FROM attestation_subject s
            JOIN provenance p ON p.document_id = s.document_id
            JOIN document d ON d.id = p.document_id
            LEFT JOIN artifact a ON a.id = s.artifact_id
            LEFT JOIN source src ON src.id = p.source_id
            """;
    private static final String BY_ARTIFACTS = SELECT + " WHERE s.artifact_id IN %s";
    private static final String BY_VERSIONS = SELECT + " WHERE s.package_version_id IN %s";
    private static final String MATERIALS = """
            SELECT m.document_id, m.ordinal, m.uri, a.digest, src.url, m.revision
            FROM provenance_material m
            LEFT JOIN artifact a ON a.id = m.artifact_id
            LEFT JOIN source src ON src.id = m.source_id
            WHERE m.document_id IN %s
            ORDER BY m.document_id, m.ordinal, m.digest_ordinal
            """;

    private final Session session;

    public ProvenanceSql(Session session) {
        this.session = session;
    }

    /** Provenance whose subjects include these artifacts. */
    public List<ProvenanceRow> ofArtifacts(Collection<Long> artifacts) {
        return provenance(BY_ARTIFACTS, artifacts);
    }

    /** Provenance whose subjects name these package versions by purl. */
    public List<ProvenanceRow> ofVersions(Collection<Long> versions) {
        return provenance(BY_VERSIONS, versions);
    }

    public List<MaterialRow> materials(Collection<Long> documents) {
        return Sql.select(session, MATERIALS, documents, "reading build materials",
                rs -> new MaterialRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    private List<ProvenanceRow> provenance(String template, Collection<Long> ids) {
        return Sql.select(session, template, ids, "reading provenance", rs -> {
            long artifact = rs.getLong(5);
            Long subjectArtifact = rs.wasNull() ? null : artifact;
            long version = rs.getLong(6);
            Long subjectVersion = rs.wasNull() ? null : version;
            return new ProvenanceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    subjectArtifact, subjectVersion, rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                    rs.getString(15));
        });
    }
}
