package io.supplygraph.store.sql;

import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.ProvenanceFacts;
import io.supplygraph.model.fact.ProvenanceFacts.Material;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Writes SLSA provenance: the build, and each material with its artifact and source repository. */
final class ProvenanceFactsWriter {

    private static final String INSERT_PROVENANCE = """
            INSERT INTO provenance (document_id, slsa_version, builder_id, build_type, invocation_id, started_on,
                                    finished_on, source_id, source_revision, external_parameters)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_MATERIAL = """
            INSERT INTO provenance_material (document_id, ordinal, digest_ordinal, uri, artifact_id, source_id,
                                             revision)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private final Dictionary dictionary;

    ProvenanceFactsWriter(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    void write(Connection c, long document, ProvenanceFacts facts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_PROVENANCE)) {
            s.setLong(1, document);
            s.setString(2, facts.slsaVersion());
            s.setString(3, facts.builderId());
            s.setString(4, facts.buildType());
            s.setString(5, facts.invocationId());
            s.setString(6, facts.startedOn());
            s.setString(7, facts.finishedOn());
            Sql.setLongOrNull(s, 8, sourceId(c, facts.source()));
            s.setString(9, facts.source() == null ? null : facts.source().revision());
            s.setString(10, facts.externalParameters());
            s.executeUpdate();
        }
        List<DigestRows.Row<Material>> rows = DigestRows.of(facts.materials(), Material::digests);
        long[] artifacts = dictionary.artifactIds(c, DigestRows.digests(rows));
        int nextArtifact = 0;
        try (PreparedStatement s = c.prepareStatement(INSERT_MATERIAL)) {
            RowBatch batch = new RowBatch(s);
            for (DigestRows.Row<Material> row : rows) {
                SourceRepository repository = row.entry().repository();
                s.setLong(1, document);
                s.setInt(2, row.ordinal());
                s.setInt(3, row.digestOrdinal());
                s.setString(4, row.entry().uri());
                Sql.setLongOrNull(s, 5, row.digest() == null ? null : artifacts[nextArtifact++]);
                Sql.setLongOrNull(s, 6, sourceId(c, repository));
                s.setString(7, repository == null ? null : repository.revision());
                batch.add();
            }
            batch.execute();
        }
    }

    /** One at a time: a provenance names a handful of repositories, most of them cached after the first build. */
    private Long sourceId(Connection c, SourceRepository repository) throws SQLException {
        return repository == null ? null : dictionary.sourceIds(c, List.of(repository.url()))[0];
    }
}
