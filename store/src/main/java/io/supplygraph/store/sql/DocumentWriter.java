package io.supplygraph.store.sql;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.StoreResult;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.model.fact.Facts;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.ScorecardFacts;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.store.Database;
import io.supplygraph.store.Dialect;
import io.supplygraph.store.StoreException;
import io.supplygraph.store.FactsListener;
import io.supplygraph.store.FactsListener.StoredDocument;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private final AdvisoryFactsWriter advisoryWriter = new AdvisoryFactsWriter();
    private final List<FactsListener> listeners = new CopyOnWriteArrayList<>();

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

    /** Adds a listener that hears of every transaction's documents before it commits. */
    public void listen(FactsListener listener) {
        listeners.add(listener);
    }

    /** @return false when a document with this digest is stored already */
    public boolean store(DocumentRecord record) {
        StoreResult result = storeAll(List.of(record)).get(0);
        if (result.failed()) {
            throw new StoreException("storing " + record.source() + " failed: " + result.failure(), null);
        }
        return result.stored();
    }

    /**
     * Stores the documents in one transaction: one commit for a batch instead of one each, which matters more than
     * anything else to ingest speed, since each commit writes every index page the document touched again (a
     * 500-component SBOM touches about two thousand). Each document is written under a savepoint of its own, so one
     * that fails is rolled back alone and reported, and the others commit. A transient failure (a deadlock, a
     * serialisation failure, a busy SQLite file) retries the whole batch; a concurrent writer that stored one of the
     * documents first makes the retry skip it.
     */
    public synchronized List<StoreResult> storeAll(List<DocumentRecord> records) {
        Connection c = database.connection();
        for (int attempt = 1; ; attempt++) {
            try {
                c.setAutoCommit(false);
                List<StoreResult> results = new ArrayList<>(records.size());
                List<StoredDocument> written = new ArrayList<>(records.size());
                for (DocumentRecord record : records) {
                    results.add(writeAlone(c, record, written));
                }
                if (!written.isEmpty()) {
                    for (FactsListener listener : listeners) {
                        listener.stored(written);
                    }
                }
                c.commit();
                dictionary.commit();
                return results;
            } catch (SQLException e) {
                rollback(c);
                if ((!isDuplicateDocument(e) && !isTransient(e)) || attempt == ATTEMPTS) {
                    throw Sql.failure("storing " + describe(records), e);
                }
            } catch (RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                autoCommit(c);
            }
        }
    }

    /** One document under its own savepoint; a failure that is not transient rolls back this document only. */
    private StoreResult writeAlone(Connection c, DocumentRecord record, List<StoredDocument> written)
            throws SQLException {
        if (exists(record.digest())) {
            return StoreResult.ALREADY_STORED;
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            long document = write(c, record);
            c.releaseSavepoint(savepoint);
            written.add(new StoredDocument(document, record.facts()));
            return StoreResult.STORED;
        } catch (SQLException e) {
            if (isTransient(e)) {
                throw e;
            }
            c.rollback(savepoint);
            // Ids the rolled-back document created are gone; forgetting every pending id only costs look-ups.
            dictionary.rollback();
            return StoreResult.failed("the store refused it: " + e.getMessage());
        }
    }

    private static String describe(List<DocumentRecord> records) {
        DocumentRecord first = records.get(0);
        return first.source() + " (" + first.digest() + ")" + (records.size() == 1 ? ""
                : " and " + (records.size() - 1) + " more documents");
    }

    private long write(Connection c, DocumentRecord record) throws SQLException {
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
        if (record.facts() instanceof AdvisoryFacts advisories) {
            advisoryWriter.write(c, document, advisories);
        }
        List<String> warnings = record.facts().warnings();
        if (warnings.isEmpty()) {
            return document; // most documents: spares a statement per document, which small advisories feel
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_WARNING)) {
            for (int i = 0; i < warnings.size(); i++) {
                s.setLong(1, document);
                s.setInt(2, i);
                s.setString(3, warnings.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
        return document;
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
