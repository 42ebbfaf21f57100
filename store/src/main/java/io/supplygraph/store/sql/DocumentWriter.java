package io.supplygraph.store.sql;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.Facts;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.ScorecardFacts;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.store.Database;
import io.supplygraph.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes one document and every fact it asserts in one transaction, as JDBC batches. A document whose digest
 * is stored already is left alone; a concurrent writer that stored it first makes this one a no-op too.
 * PostgreSQL may abort a transaction that raced another for the same rows: it is retried a few times.
 */
public final class DocumentWriter {

    private static final int ATTEMPTS = 5;

    private static final String EXISTS = "SELECT 1 FROM document WHERE digest = ?";
    private static final String INSERT_DOCUMENT = """
            INSERT INTO document (digest, format, spec_version, name, source, size_bytes, component_count,
                                  warning_count, ingested_at, trust, signer, trust_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """;
    private static final String INSERT_WARNING = """
            INSERT INTO document_warning (document_id, ordinal, message) VALUES (?, ?, ?)
            """;

    private final Database database;
    private final Dictionary dictionary = new Dictionary();
    private final SbomFactsWriter sbomWriter = new SbomFactsWriter(dictionary);
    private final VexFactsWriter vexWriter = new VexFactsWriter();
    private final AttestationFactsWriter attestationWriter = new AttestationFactsWriter(dictionary, sbomWriter);
    private final ScorecardFactsWriter scorecardWriter = new ScorecardFactsWriter(dictionary);

    public DocumentWriter(Database database) {
        this.database = database;
    }

    public boolean exists(String digest) {
        try (PreparedStatement s = database.connection().prepareStatement(EXISTS)) {
            s.setString(1, digest);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("looking up document " + digest, e);
        }
    }

    /** @return false when a document with this digest is stored already */
    public synchronized boolean store(DocumentRecord record) {
        Connection c = database.connection();
        for (int attempt = 1; ; attempt++) {
            try {
                c.setAutoCommit(false);
                boolean stored = !exists(record.digest()) && write(c, record);
                c.commit();
                dictionary.commit();
                return stored;
            } catch (SQLException e) {
                rollback(c);
                if (isDuplicateDocument(e) ) {
                    return false;
                }
                if (!isTransient(e) || attempt == ATTEMPTS) {
                    throw Sql.failure("storing " + record.source() + " (" + record.digest() + ")", e);
                }
            } catch (RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                autoCommit(c);
            }
        }
    }

    private boolean write(Connection c, DocumentRecord record) throws SQLException {
        long document = insertDocument(c, record);
        // One writer per kind of facts; a new kind adds its line here.
        if (record.facts() instanceof SbomFacts sbom) {
            sbomWriter.write(c, document, sbom);
            vexWriter.write(c, document, sbom.vex());
        }
        if (record.facts() instanceof VexFacts vex) {
            vexWriter.write(c, document, vex.statements());
        }
        if (record.facts() instanceof AttestationFacts attestation) {
            attestationWriter.write(c, document, attestation);
        }
        if (record.facts() instanceof ScorecardFacts scorecard) {
            scorecardWriter.write(c, document, scorecard);
        }
        List<String> warnings = record.facts().warnings();
        try (PreparedStatement s = c.prepareStatement(INSERT_WARNING)) {
            for (int i = 0; i < warnings.size(); i++) {
                s.setLong(1, document);
                s.setInt(2, i);
                s.setString(3, warnings.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
        return true;
    }

    private long insertDocument(Connection c, DocumentRecord record) throws SQLException {
        Facts facts = record.facts();
        try (PreparedStatement s = c.prepareStatement(INSERT_DOCUMENT)) {
            s.setString(1, record.digest());
            s.setString(2, record.format().label());
            s.setString(3, facts.specVersion());
            s.setString(4, facts.name());
            s.setString(5, record.source());
            s.setLong(6, record.sizeBytes());
            s.setInt(7, facts.componentCount());
            s.setInt(8, facts.warnings().size());
            s.setString(9, Instant.now().toString());
            s.setString(10, record.trust().label());
            s.setString(11, record.trust().signer());
            s.setString(12, record.trust().reason());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean isDuplicateDocument(SQLException e) {
        String message = String.valueOf(e.getMessage());
        boolean unique = "23505".equals(e.getSQLState()) || message.contains("UNIQUE constraint failed");
        return unique && message.contains("digest") && !message.contains("artifact");
    }

    private boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        // 40001 serialisation failure, 40P01 deadlock (PostgreSQL); SQLITE_BUSY when another process writes.
        return "40001".equals(state) || "40P01".equals(state)
                || (database.dialect() == Dialect.SQLITE && String.valueOf(e.getMessage()).contains("SQLITE_BUSY"));
    }

    private void rollback(Connection c) {
        dictionary.rollback();
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the error that got us here is the one worth reporting.
        }
    }

    private static void autoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // As in rollback: a broken connection reports itself on its next use.
        }
    }
}
