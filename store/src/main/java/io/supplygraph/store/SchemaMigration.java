package io.supplygraph.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database to the current schema. Most opens find it current, which one query on Flyway's history table
 * tells; Flyway itself (validating every migration's checksum) runs only when a migration is due.
 *
 * <p>Several processes may open a new database at once. On PostgreSQL Flyway serialises them with an advisory lock;
 * on SQLite it does not, and two processes would both find the schema empty and both create it, so there each
 * migration runs under an exclusive lock on a file beside the database, and re-checks the version once it holds it.
 */
final class SchemaMigration {

    /** The highest migration under {@code db/migration/<dialect>}; a test keeps the two in step. */
    static final int CURRENT_VERSION = 13;

    /** One process's threads take turns here: a JVM may not hold two locks on one file. */
    private static final Object IN_PROCESS = new Object();

    private SchemaMigration() {}

    static void ensureCurrent(Connection connection, Connector connector, Path sqliteFile) throws SQLException {
        if (isCurrent(connection)) {
            return;
        }
        if (sqliteFile == null) {
            migrate(connector);
            return;
        }
        synchronized (IN_PROCESS) {
            Path lock = sqliteFile.resolveSibling(sqliteFile.getFileName() + "-migrate.lock");
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                if (!isCurrent(connection)) {
                    migrate(connector);
                }
                // Whoever waits on this file re-checks the version after taking the lock, so removing it is safe.
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                throw new StoreException("cannot lock " + lock + " to migrate the schema: " + e.getMessage(), e);
            }
        }
    }

    private static boolean isCurrent(Connection connection) throws SQLException {
        OptionalInt installed = installedVersion(connection);
        if (installed.isPresent() && installed.getAsInt() > CURRENT_VERSION) {
            throw new StoreException("its schema (version " + installed.getAsInt() + ") is newer than this release of"
                    + " Supplygraph knows (version " + CURRENT_VERSION + "): upgrade Supplygraph", null);
        }
        return installed.isPresent() && installed.getAsInt() == CURRENT_VERSION;
    }

    /** The highest version applied successfully; empty when nothing was migrated yet. */
    static OptionalInt installedVersion(Connection connection) throws SQLException {
        if (!historyExists(connection)) {
            return OptionalInt.empty();
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            int highest = -1;
            while (rs.next()) {
                String version = rs.getString(1);
                if (rs.getBoolean(2) && version != null && version.chars().allMatch(Character::isDigit)) {
                    highest = Math.max(highest, Integer.parseInt(version));
                }
            }
            return highest < 0 ? OptionalInt.empty() : OptionalInt.of(highest);
        }
    }

    /** Asked of the catalogue, not by a failing SELECT, which would abort a PostgreSQL transaction. */
    private static boolean historyExists(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, "flyway_schema_history", null)) {
            return rs.next();
        }
    }

    private static void migrate(Connector connector) {
        var configuration = Flyway.configure().locations(connector.dialect().migrations())
                .dataSource(connector.dataSource());
        try {
            configuration.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("migrating its schema failed: " + DatabaseErrors.reason(e), e);
        }
    }
}
