package io.supplygraph.store.sql;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.StoreResult;
import io.supplygraph.ingest.StoreRetries;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.model.fact.CveFacts;
import io.supplygraph.model.fact.Facts;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.ScorecardFacts;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.store.Database;
import io.supplygraph.store.Dialect;
import io.supplygraph.store.StoreException;
import io.supplygraph.store.StoreFault;
import io.supplygraph.store.FactsListener;
import io.supplygraph.store.FactsListener.StoredDocument;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;

/**
 * Writes documents and every fact they assert, one transaction per batch and a savepoint per document, as JDBC
 * batches. A document whose digest is stored already is left alone, whoever stored it.
 *
 * <p>Any number of writers, in this process or others, may write to one database at once, and none loses a
 * document. What they share is kept out of each other's way: nouns are committed apart from the documents
 * ({@link Dictionary}); a batch first locks its documents' digests in one order, so two writers storing the same
 * documents wait for each other instead of deadlocking, and the second finds them stored; findings and match keys
 * are written last, sorted. What remains (a transaction the database still picks as a deadlock
 * victim, a dropped connection, an SQLite file busy past its timeout) is retried after a jittered, growing pause;
 * a batch that keeps failing is split in halves, down to single documents, so one stubborn conflict cannot take a
 * whole batch down. Every retry is counted ({@link #retries}).
 *
 * <p>Threads of one process share this writer and its connection: each call holds the database's write lock
 * ({@link Database#writeLock}) from its first attempt to its last, retries and reconnections included, so the
 * threads' transactions take turns while their parsing goes on in parallel.
 */
public final class DocumentWriter {

    /** A batch that failed this many times is split, rather than retried whole. */
    private static final int SPLIT_AFTER = 2;

    private static final String SAVEPOINT = "document";

    private static final String EXISTS = "SELECT 1 FROM document WHERE digest = ?";
    private static final String INSERT_DOCUMENT = """
            INSERT INTO document (digest, format, spec_version, name, source, size_bytes, component_count,
                                  warning_count, ingested_at, trust, signer, trust_reason, application,
                                  release_version, producer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (digest) DO NOTHING
            RETURNING id
            """;
    private static final String INSERT_WARNING = """
            INSERT INTO document_warning (document_id, ordinal, message) VALUES (?, ?, ?)
            """;

    private final Database database;
    private final Dictionary dictionary;
    private final SbomFactsWriter sbomWriter;
    private final VexFactsWriter vexWriter = new VexFactsWriter();
    private final AttestationFactsWriter attestationWriter;
    private final ScorecardFactsWriter scorecardWriter;
    private final AdvisoryFactsWriter advisoryWriter = new AdvisoryFactsWriter();
    private final CveFactsWriter cveWriter = new CveFactsWriter();
    private final List<FactsListener> listeners = new CopyOnWriteArrayList<>();
    private final EnumMap<StoreFault, Integer> retries = new EnumMap<>(StoreFault.class);
    private SQLException lastReconnectFailure;

    public DocumentWriter(Database database) {
        this.database = database;
        this.dictionary = new Dictionary(database);
        this.sbomWriter = new SbomFactsWriter(dictionary);
        this.attestationWriter = new AttestationFactsWriter(dictionary, sbomWriter);
        this.scorecardWriter = new ScorecardFactsWriter(dictionary);
    }

    public boolean exists(String digest) {
        Lock lock = database.writeLock();
        lock.lock();
        try (PreparedStatement s = database.connection().prepareStatement(EXISTS)) {
            s.setString(1, digest);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("looking up document " + digest, e);
        } finally {
            lock.unlock();
        }
    }

    /** Adds a listener that hears of every transaction's documents before it commits. */
    public void listen(FactsListener listener) {
        listeners.add(listener);
    }

    /**
     * How many transactions were retried since this store was opened, by cause: by every thread of the process, so
     * that an ingest's summary, taken as the difference, also counts what ingests beside it retried meanwhile.
     */
    public StoreRetries retries() {
        synchronized (retries) {
            return new StoreRetries(retries.getOrDefault(StoreFault.DEADLOCK, 0),
                    retries.getOrDefault(StoreFault.SERIALIZATION, 0), retries.getOrDefault(StoreFault.CONNECTION, 0),
                    retries.getOrDefault(StoreFault.BUSY, 0));
        }
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
     * that fails is rolled back alone and reported, and the others commit.
     *
     * @throws StoreException when the store keeps failing (unreachable, full, read-only): nothing of the batch is
     *     stored then
     */
    public List<StoreResult> storeAll(List<DocumentRecord> records) {
        Lock lock = database.writeLock();
        lock.lock();
        try {
            return storeRetrying(records);
        } finally {
            lock.unlock();
        }
    }

    private List<StoreResult> storeRetrying(List<DocumentRecord> records) {
        Backoff backoff = new Backoff();
        while (true) {
            Exception failure;
            try {
                return storeOnce(records);
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
            StoreFault fault = StoreFault.of(failure)
                    .orElseThrow(() -> new StoreException("storing " + describe(records) + " failed: "
                            + Sql.reason(failure), failure));
            synchronized (retries) {
                retries.merge(fault, 1, Integer::sum);
            }
            if (!backoff.another(fault)) {
                // After a lost connection, why the last reconnection failed says more than the closed connection.
                Exception last = fault == StoreFault.CONNECTION && lastReconnectFailure != null ? lastReconnectFailure
                        : failure;
                throw new StoreException("storing " + describe(records) + " failed after " + backoff.failures()
                        + " attempts: " + Sql.reason(last), failure);
            }
            if (fault != StoreFault.CONNECTION && records.size() > 1 && backoff.failures() >= SPLIT_AFTER) {
                int half = records.size() / 2;
                List<StoreResult> results = new ArrayList<>(storeRetrying(records.subList(0, half)));
                results.addAll(storeRetrying(records.subList(half, records.size())));
                return results;
            }
            backoff.pause();
            if (fault == StoreFault.CONNECTION) {
                reconnect();
            }
        }
    }

    /**
     * A failed reconnection is the next attempt's failure: the server may still be starting. Cached noun ids are
     * forgotten: a server that crashed may have lost nouns committed without waiting for the disk (see
     * {@link Database#nounConnection}), and a document must never point at one.
     */
    private void reconnect() {
        dictionary.forget();
        try {
            database.reconnect();
            lastReconnectFailure = null;
        } catch (SQLException e) {
            // The next attempt fails on the closed connection and is counted and paced like this one.
            lastReconnectFailure = e;
        }
    }

    private List<StoreResult> storeOnce(List<DocumentRecord> records) throws SQLException {
        try {
            List<StoreResult> results = Transaction.run(database, c -> write(c, records));
            dictionary.commit();
            return results;
        } catch (SQLException | RuntimeException e) {
            dictionary.rollback();
            listeners.forEach(FactsListener::rolledBack);
            throw e;
        }
    }

    private List<StoreResult> write(Connection c, List<DocumentRecord> records) throws SQLException {
        lockDigests(c, records);
        if (!listeners.isEmpty()) {
            List<Facts> facts = records.stream().map(DocumentRecord::facts).toList();
            listeners.forEach(listener -> listener.beforeWrite(facts));
        }
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
        return results;
    }

    /**
     * On PostgreSQL, takes a lock on each document's digest, in digest order, before writing any: two writers whose
     * batches share documents then wait for each other on the first shared one instead of each holding one the
     * other needs (the unique index on digests would make them wait in reading order), and the second finds the
     * document stored. SQLite has one writer at a time.
     */
    private void lockDigests(Connection c, List<DocumentRecord> records) throws SQLException {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        long[] keys = new long[records.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = lockKey(records.get(i).digest());
        }
        Arrays.sort(keys);
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            for (long key : keys) {
                s.setLong(1, key);
                s.executeQuery().close();
            }
        }
    }

    /** The first 64 bits of the digest: unique enough that two documents sharing a lock only ever wait a little. */
    private static long lockKey(String digest) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        return Long.parseUnsignedLong(hex.substring(0, Math.min(16, hex.length())), 16);
    }

    /**
     * One document under its own savepoint: a value of this document the database refuses rolls back this document
     * only; any other failure is the whole transaction's.
     */
    private StoreResult writeAlone(Connection c, DocumentRecord record, List<StoredDocument> written)
            throws SQLException {
        Transaction.savepoint(c, SAVEPOINT);
        try {
            OptionalLong document = insertDocument(c, record);
            if (document.isEmpty()) {
                Transaction.release(c, SAVEPOINT);
                return StoreResult.ALREADY_STORED;
            }
            writeFacts(c, document.getAsLong(), record);
            Transaction.release(c, SAVEPOINT);
            written.add(new StoredDocument(document.getAsLong(), record.facts()));
            return StoreResult.STORED;
        } catch (SQLException e) {
            if (!StoreFault.isTheDocuments(e)) {
                throw e;
            }
            Transaction.rollbackTo(c, SAVEPOINT);
            Transaction.release(c, SAVEPOINT);
            // Ids the rolled-back document created are gone; forgetting every pending id only costs look-ups.
            dictionary.rollback();
            return StoreResult.failed("the store refused it: " + Sql.reason(e));
        }
    }

    private static String describe(List<DocumentRecord> records) {
        DocumentRecord first = records.get(0);
        return first.source() + " (" + first.digest() + ")" + (records.size() == 1 ? ""
                : " and " + (records.size() - 1) + " more documents");
    }

    private void writeFacts(Connection c, long document, DocumentRecord record) throws SQLException {
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
        if (record.facts() instanceof CveFacts cve) {
            cveWriter.write(c, document, cve);
        }
        List<String> warnings = record.facts().warnings();
        if (warnings.isEmpty()) {
            return; // most documents: spares a statement per document, which small advisories feel
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
    }

    /** The new document's id; empty when a document with its digest is stored already (by anyone, committed). */
    private OptionalLong insertDocument(Connection c, DocumentRecord record) throws SQLException {
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
            Release release = Release.of(record);
            s.setString(13, release.application());
            s.setString(14, release.version());
            s.setString(15, release.producer());
            try (ResultSet rs = s.executeQuery()) {
                OptionalLong id = rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                if (id.isPresent() && record.naming().replace() && release.application() != null) {
                    release.supersedeOlder(c, id.getAsLong());
                }
                return id;
            }
        }
    }
}
