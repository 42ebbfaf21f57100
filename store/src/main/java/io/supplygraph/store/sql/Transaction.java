package io.supplygraph.store.sql;

import io.supplygraph.store.Database;
import io.supplygraph.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One transaction, begun, committed and rolled back the same way on both databases, with named savepoints inside.
 *
 * <p>On SQLite the transaction is SQL of our own ({@code BEGIN IMMEDIATE}, {@code COMMIT}, {@code ROLLBACK}) on a
 * connection left in auto-commit mode, because sqlite-jdbc's {@code commit()} and {@code rollback()} begin the next
 * transaction at once: with {@code IMMEDIATE} that means waiting for the write lock again right after releasing it,
 * up to the busy timeout, and a commit that succeeded was reported as failing when that wait timed out (a writer
 * then retried a batch it had stored, and reported its own document as already ingested).
 */
final class Transaction {

    /** What runs inside the transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transaction() {}

    /** Runs {@code work} and commits; rolls back and rethrows whatever it throws. */
    static <T> T run(Database database, Work<T> work) throws SQLException {
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
