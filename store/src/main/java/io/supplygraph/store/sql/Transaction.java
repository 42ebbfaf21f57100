package io.supplygraph.store.sql;

import io.supplygraph.store.Database;
import io.supplygraph.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Lock;

/**
 * One transaction, begun, committed and rolled back the same way on both databases, with named savepoints inside.
 *
 * <p>On SQLite the transaction is SQL of our own ({@code BEGIN IMMEDIATE}, {@code COMMIT}, {@code ROLLBACK}) on a
 * connection left in auto-commit mode, because sqlite-jdbc's {@code commit()} and {@code rollback()} begin the next
 * transaction at once: with {@code IMMEDIATE} that means waiting for the write lock again right after releasing it,
 * up to the busy timeout, and a commit that succeeded was reported as failing when that wait timed out (a writer
 * then retried a batch it had stored, and reported its own document as already ingested).
 *
 * <p>The transaction holds the database's write lock: the writer connection is shared by the threads of a process,
 * and carries one transaction at a time.
 */
final class Transaction {

    /** What runs inside the transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transaction() {}

    /** Runs {@code work} and commits; rolls back and rethrows whatever it throws. */
    static <T> T run(Database database, Work<T> work) throws SQLException {
        Lock lock = database.writeLock();
        lock.lock();
        try {
            return runLocked(database, work);
        } finally {
            lock.unlock();
        }
    }

    private static <T> T runLocked(Database database, Work<T> work) throws SQLException {
        if (database.connection().isClosed()) {
            // The server dropped it (a restart, a network cut) and a statement found out: a long-running process (a
            // server, a worker) must not fail every transaction after it. A failed reconnection fails this one.
            database.reconnect();
        }
        Connection c = database.connection();
        boolean sqlite = database.dialect() == Dialect.SQLITE;
        if (sqlite) {
            execute(c, "BEGIN IMMEDIATE");
        } else {
            c.setAutoCommit(false);
        }
        try {
            T result = work.run(c);
            if (sqlite) {
                execute(c, "COMMIT");
            } else {
                c.commit();
                c.setAutoCommit(true);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(c, sqlite);
            throw e;
        }
    }

    private static void rollback(Connection c, boolean sqlite) {
        try {
            if (sqlite) {
                execute(c, "ROLLBACK");
            } else {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // The connection is broken, or the transaction already ended: the error that got us here is the one
            // worth reporting, and a broken connection reports itself on its next use.
        }
    }

    static void savepoint(Connection c, String name) throws SQLException {
        execute(c, "SAVEPOINT " + name);
    }

    static void release(Connection c, String name) throws SQLException {
        execute(c, "RELEASE SAVEPOINT " + name);
    }

    static void rollbackTo(Connection c, String name) throws SQLException {
        execute(c, "ROLLBACK TO SAVEPOINT " + name);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
