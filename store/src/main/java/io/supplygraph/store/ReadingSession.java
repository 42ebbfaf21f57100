package io.supplygraph.store;

import java.sql.Connection;

/**
 * One connection borrowed from the reader pool, for one thread at a time. Every query through it sees the graph as
 * it was at the session's first query, whatever writers commit meanwhile, so that a server's request gets one
 * consistent answer even when it asks several questions. {@link #close} gives the connection back. Hold a session for
 * a request, not for the life of a thread: an open snapshot keeps SQLite from checkpointing its WAL past it, and
 * PostgreSQL from vacuuming the rows it might still read. On PostgreSQL a statement that fails aborts the snapshot's
 * transaction, and every later query of the session fails with it: take a new session.
 */
public final class ReadingSession implements Session, AutoCloseable {

    static final String READ_ONLY = "a reading graph does not write: ingest, import advisories and delete documents"
            + " through the graph that Supplygraph.open returned";

    private final ReaderPool pool;
    private final Connection connection;
    private final Dialect dialect;
    private boolean closed;

    ReadingSession(ReaderPool pool, Connection connection, Dialect dialect) {
        this.pool = pool;
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    public synchronized Connection connection() {
        if (closed) {
            throw new IllegalStateException("this reading session is closed");
        }
        return connection;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Database writer() {
        throw new IllegalStateException(READ_ONLY);
    }

    /** Gives the connection back to the pool; the pool stays open. A second close does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            pool.giveBack(connection);
        }
    }
}
