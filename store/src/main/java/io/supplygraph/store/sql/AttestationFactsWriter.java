package io.supplygraph.store.sql;

import io.supplygraph.model.Digest;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.AttestationFacts.Subject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an in-toto Statement: the statement and its subjects (artifacts by digest, package versions by a purl
 * uri), then its predicate's own facts: provenance, or an SBOM written as any SBOM is.
 */
final class AttestationFactsWriter {

    private static final String INSERT_ATTESTATION = """
            INSERT INTO attestation (document_id, predicate_type) VALUES (?, ?)
            """;
    private static final String INSERT_SUBJECT = """
            INSERT INTO attestation_subject (document_id, ordinal, digest_ordinal, name, uri, artifact_id,
                                             package_version_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private final Dictionary dictionary;
    private final SbomFactsWriter sbomWriter;
    private final ProvenanceFactsWriter provenanceWriter;

    AttestationFactsWriter(Dictionary dictionary, SbomFactsWriter sbomWriter) {
        this.dictionary = dictionary;
        this.sbomWriter = sbomWriter;
        this.provenanceWriter = new ProvenanceFactsWriter(dictionary);
    }

    void write(Connection c, long document, AttestationFacts facts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_ATTESTATION)) {
            s.setLong(1, document);
            s.setString(2, facts.predicateType());
            s.executeUpdate();
        }
        writeSubjects(c, document, facts.subjects());
        if (facts.provenance() != null) {
            provenanceWriter.write(c, document, facts.provenance());
        }
        if (facts.sbom() != null) {
            sbomWriter.write(c, document, facts.sbom());
        }
    }

    private void writeSubjects(Connection c, long document, List<Subject> subjects) throws SQLException {
        List<DigestRows.Row<Subject>> rows = DigestRows.of(subjects, Subject::digests);
        long[] artifacts = dictionary.artifactIds(c, DigestRows.digests(rows));
        List<PackageIdentity> purls = new ArrayList<>();
        List<Integer> purlOf = new ArrayList<>();
        for (Subject s : subjects) {
            PackageIdentity purl = purl(s.uri());
            purlOf.add(purl == null ? -1 : purls.size());
            if (purl != null) {
                purls.add(purl);
            }
        }
        long[] versions = dictionary.versionIds(c, purls);
        try (PreparedStatement s = c.prepareStatement(INSERT_SUBJECT)) {
            RowBatch batch = new RowBatch(s);
            int artifact = 0;
            for (DigestRows.Row<Subject> row : rows) {
                s.setLong(1, document);
                s.setInt(2, row.ordinal());
                s.setInt(3, row.digestOrdinal());
                s.setString(4, row.entry().name());
                s.setString(5, row.entry().uri());
                Sql.setLongOrNull(s, 6, row.digest() == null ? null : artifacts[artifact++]);
                int purl = purlOf.get(row.ordinal());
                Sql.setLongOrNull(s, 7, purl < 0 ? null : versions[purl]);
                batch.add();
            }
            batch.execute();
        }
    }

    /** A subject's uri when it is a purl: attestations about packages (vulnerability scans, reviews) name them so. */
    private static PackageIdentity purl(String uri) {
        if (uri == null || !PackageIdentity.looksLikePurl(uri)) {
            return null;
        }
        try {
            return PackageIdentity.fromPurl(uri);
        } catch (InvalidPurlException e) {
            return null;
        }
    }
}
