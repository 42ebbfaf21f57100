package io.supplygraph.store.sql;

import io.supplygraph.model.Digest;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.SbomFacts.Edge;
import io.supplygraph.model.fact.SbomFacts.Licence;
import io.supplygraph.model.fact.SbomFacts.Occurrence;
import io.supplygraph.model.fact.SbomFacts.SourceOf;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an SBOM's facts (contains with shortest-path parents, dependency edges, artifacts, licences, source
 * repositories) as batches.
 */
final class SbomFactsWriter {

    private static final String INSERT_CONTAINS = """
            INSERT INTO contains (document_id, package_version_id, parent_id, depth) VALUES (?, ?, ?, ?)
            """;
    private static final String INSERT_DEPENDS_ON = """
            INSERT INTO depends_on (document_id, from_id, to_id, kind) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;
    private static final String INSERT_OCCURRENCE = """
            INSERT INTO occurrence (document_id, package_version_id, artifact_id) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """;
    private static final String INSERT_LICENCE = """
            INSERT INTO licence (document_id, package_version_id, declared, concluded) VALUES (?, ?, ?, ?)
            """;

    private static final String INSERT_SOURCE_OF = """
            INSERT INTO source_of (document_id, package_version_id, source_id, revision) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final Dictionary dictionary;

    SbomFactsWriter(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    void write(Connection c, long document, SbomFacts facts) throws SQLException {
        long[] versions = dictionary.versionIds(c, facts.packages());
        try (PreparedStatement s = c.prepareStatement(INSERT_CONTAINS)) {
            RowBatch batch = new RowBatch(s);
            for (int i = 0; i < versions.length; i++) {
                s.setLong(1, document);
                s.setLong(2, versions[i]);
                int parent = facts.parent()[i];
                if (parent < 0) {
                    s.setNull(3, Types.BIGINT);
                } else {
                    s.setLong(3, versions[parent]);
                }
                s.setInt(4, Math.max(0, facts.depth()[i]));
                batch.add();
            }
            batch.execute();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_DEPENDS_ON)) {
            RowBatch batch = new RowBatch(s);
            for (Edge e : facts.edges()) {
                s.setLong(1, document);
                s.setLong(2, versions[e.from()]);
                s.setLong(3, versions[e.to()]);
                s.setString(4, e.kind().label());
                batch.add();
            }
            batch.execute();
        }
        writeOccurrences(c, document, versions, facts.occurrences());
        try (PreparedStatement s = c.prepareStatement(INSERT_LICENCE)) {
            RowBatch batch = new RowBatch(s);
            for (Licence l : facts.licences()) {
                s.setLong(1, document);
                s.setLong(2, versions[l.pkg()]);
                s.setString(3, l.declared());
                s.setString(4, l.concluded());
                batch.add();
            }
            batch.execute();
        }
        writeSources(c, document, versions, facts.sources());
        if (facts.measures() != null) {
            QualitySql.write(c, document, facts.measures());
        }
    }

    private void writeSources(Connection c, long document, long[] versions, List<SourceOf> sources)
            throws SQLException {
        if (sources.isEmpty()) {
            return; // most SBOMs name no repositories: no statement to prepare
        }
        long[] ids = dictionary.sourceIds(c, sources.stream().map(o -> o.repository().url()).toList());
        try (PreparedStatement s = c.prepareStatement(INSERT_SOURCE_OF)) {
            RowBatch batch = new RowBatch(s);
            for (int i = 0; i < ids.length; i++) {
                s.setLong(1, document);
                s.setLong(2, versions[sources.get(i).pkg()]);
                s.setLong(3, ids[i]);
                s.setString(4, sources.get(i).repository().revision());
                batch.add();
            }
            batch.execute();
        }
    }

    private void writeOccurrences(Connection c, long document, long[] versions, List<Occurrence> occurrences)
            throws SQLException {
        List<Digest> digests = new ArrayList<>(occurrences.size());
        for (Occurrence o : occurrences) {
            digests.add(o.digest());
        }
        long[] artifacts = dictionary.artifactIds(c, digests);
        try (PreparedStatement s = c.prepareStatement(INSERT_OCCURRENCE)) {
            RowBatch batch = new RowBatch(s);
            for (int i = 0; i < artifacts.length; i++) {
                s.setLong(1, document);
                s.setLong(2, versions[occurrences.get(i).pkg()]);
                s.setLong(3, artifacts[i]);
                batch.add();
            }
            batch.execute();
        }
    }
}
