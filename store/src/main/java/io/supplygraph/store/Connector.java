package io.supplygraph.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens connections to one database, each configured the same way, so that the main connection, a reconnection
 * after the server dropped us, and the connection Flyway migrates with all wait for other writers alike; and says
 * how the pooled reader connections are set up.
 */
final class Connector {

    /** How long an SQLite writer waits for another process's transaction before the store counts it busy. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    /**
     * Every PostgreSQL connection's, the readers' too. The recursive blast-radius query is estimated expensive enough
     * to trigger JIT compilation, which then takes 150 ms of a 226 ms query (EXPLAIN ANALYZE, lodash on the
     * 5,000-SBOM bench store). Our statements are short index walks: JIT never pays for itself here.
     */
    private static final String POSTGRESQL_SETUP = "SET jit = off";
    /** A pooled SQLite reader refuses to write, whatever SQL reaches it. */
    private static final String SQLITE_READER_SETUP = "PRAGMA query_only = ON";

    private final String url;
    private final Dialect dialect;
    private final Properties properties;

    Connector(String url, Dialect dialect) {
        this.url = url;
        this.dialect = dialect;
        this.properties = dialect == Dialect.SQLITE ? sqliteConfig().toProperties() : new Properties();
        if (dialect == Dialect.SQLITE) {
            SqliteNativeLibrary.useCachedCopy();
        }
    }

    /**
     * SQLite settings of the writer, applied by the driver when it opens a connection (before any statement, so the
     * busy timeout already holds while journal_mode switches a new file to WAL).
     */
    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = sqliteBase();
        // WAL lets readers go on while a writer commits; NORMAL sync is durable at every checkpoint and crash-safe
        // in WAL mode, at a fraction of FULL's fsyncs per document.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        // A write transaction takes the write lock when it begins. A deferred one starts as a reader and must
        // upgrade at its first write; if another process committed meanwhile the upgrade fails at once with
        // SQLITE_BUSY, busy timeout or not, which is how 7 of 8 concurrent writers used to die.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // A quarter GiB of page cache: ingest dirties index pages all over the file.
        config.setCacheSize(-262_144);
        return config;
    }

    /**
     * SQLite settings of a pooled reader. Its transactions stay deferred, so a reader never takes the write lock, and
     * its page cache is an eighth of the writer's: a full pool of eight then holds at most what the writer does,
     * with the operating system's cache of the file beneath them all. The file is in WAL mode already (the writer
     * opened it first), which readers need not set again.
     */
    private static SQLiteConfig sqliteReaderConfig() {
        SQLiteConfig config = sqliteBase();
        config.setCacheSize(-32_768);
        return config;
    }

    private static SQLiteConfig sqliteBase() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config;
    }

    Connection connect() throws SQLException {
        Connection connection = driverConnection();
        try (Statement s = connection.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                s.execute(POSTGRESQL_SETUP);
            } else {
                // A checkpoint every 40 MB of WAL instead of every 4 MB: each one writes (and syncs) the pages
                // that ingest dirtied all over the file again.
                s.execute("PRAGMA wal_autocheckpoint=10000");
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * The driver's connection. On SQLite, the settings applied while connecting (switching a new file to WAL) can
     * answer SQLITE_BUSY at once, without waiting out the busy timeout, while other connections create the same new
     * file: seen with eight processes opening one new graph together. Connecting is asked again, with a growing
     * pause, for as long as the busy timeout.
     */
    private Connection driverConnection() throws SQLException {
        long deadline = System.nanoTime() + SQLITE_BUSY_TIMEOUT_MS * 1_000_000L;
        long pause = 10;
        while (true) {
            try {
                return DriverManager.getConnection(url, properties);
            } catch (SQLException e) {
                if (dialect != Dialect.SQLITE || StoreFault.of(e).orElse(null) != StoreFault.BUSY
                        || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the database file was busy", e);
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    /** For Flyway: connections with the same settings (an SQLite one must wait for other writers too). */
    DataSource dataSource() {
        if (dialect == Dialect.SQLITE) {
            SQLiteDataSource source = new SQLiteDataSource(sqliteConfig());
            source.setUrl(url);
            return source;
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        return source;
    }

    /** Driver properties of a pooled reader connection. */
    Properties readerProperties() {
        return dialect == Dialect.SQLITE ? sqliteReaderConfig().toProperties() : new Properties();
    }

    /** The statement that sets up each pooled reader connection once it is opened. */
    String readerSetup() {
        return dialect == Dialect.SQLITE ? SQLITE_READER_SETUP : POSTGRESQL_SETUP;
    }

    String url() {
        return url;
    }

    Dialect dialect() {
        return dialect;
    }
}
