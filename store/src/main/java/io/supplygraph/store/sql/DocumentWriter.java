package io.supplygraph.store.sql;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.model.Digest;
import io.supplygraph.model.fact.DocumentFacts;
import io.supplygraph.model.fact.DocumentFacts.Edge;
import io.supplygraph.model.fact.DocumentFacts.Licence;
import io.supplygraph.model.fact.DocumentFacts.Occurrence;
import io.supplygraph.store.Database;
import io.supplygraph.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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
                                  warning_count, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """;
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
    private static final String INSERT_WARNING = """
            INSERT INTO document_warning (document_id, ordinal, message) VALUES (?, ?, ?)
            """;

    private final Database database;
    private final Dictionary dictionary = new Dictionary();

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
        DocumentFacts facts = record.facts();
        long document = insertDocument(c, record);
        long[] versions = dictionary.versionIds(c, facts.packages());
        try (PreparedStatement s = c.prepareStatement(INSERT_CONTAINS)) {
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
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_DEPENDS_ON)) {
            for (Edge e : facts.edges()) {
                s.setLong(1, document);
                s.setLong(2, versions[e.from()]);
                s.setLong(3, versions[e.to()]);
                s.setString(4, e.kind().label());
                s.addBatch();
            }
            s.executeBatch();
        }
        writeOccurrences(c, document, versions, facts.occurrences());
        try (PreparedStatement s = c.prepareStatement(INSERT_LICENCE)) {
            for (Licence l : facts.licences()) {
                s.setLong(1, document);
                s.setLong(2, versions[l.pkg()]);
                s.setString(3, l.declared());
                s.setString(4, l.concluded());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_WARNING)) {
            for (int i = 0; i < facts.warnings().size(); i++) {
                s.setLong(1, document);
                s.setInt(2, i);
                s.setString(3, facts.warnings().get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
        return true;
    }

    private long insertDocument(Connection c, DocumentRecord record) throws SQLException {
        DocumentFacts facts = record.facts();
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
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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
            for (int i = 0; i < artifacts.length; i++) {
                s.setLong(1, document);
                s.setLong(2, versions[occurrences.get(i).pkg()]);
                s.setLong(3, artifacts[i]);
                s.addBatch();
            }
            s.executeBatch();
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
