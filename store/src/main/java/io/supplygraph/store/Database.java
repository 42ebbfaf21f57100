package io.supplygraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * One connection to the graph's database, migrated to the current schema when opened. The embedded default is
 * SQLite, one file; a {@code jdbc:postgresql://} URL selects PostgreSQL.
 */
public final class Database implements AutoCloseable {

    /** Flyway reports each migration at INFO on stderr; a CLI user wants only what went wrong. Held so it is not collected. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private final String url;
    private final Dialect dialect;
    private final Connection connection;

    private Database(String url, Dialect dialect, Connection connection) {
        this.url = url;
        this.dialect = dialect;
        this.connection = connection;
    }

    /**
     * Opens (creating, for SQLite, the file and its folder) and migrates the database at {@code location}: a JDBC
     * URL, or a file path meaning an SQLite database.
     */
    public static Database open(String location) {
        String url = toJdbcUrl(location);
        Dialect dialect = Dialect.of(url);
        try {
            if (dialect == Dialect.SQLITE) {
                createParentFolder(url);
            }
            migrate(url, dialect);
            Connection connection = DriverManager.getConnection(url);
            configure(connection, dialect);
            return new Database(url, dialect, connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    static String toJdbcUrl(String location) {
        if (location.startsWith("jdbc:")) {
            if (location.startsWith("jdbc:postgresql:") && !location.contains("reWriteBatchedInserts")) {
                // The driver then sends a batch as multi-row INSERTs: 2-3x faster bulk writes (DESIGN.md).
                return location + (location.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            }
            return location;
        }
        return "jdbc:sqlite:" + Path.of(location).toAbsolutePath();
    }

    private static void createParentFolder(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder " + parent + " for the database: " + e.getMessage(), e);
        }
    }

    private static void migrate(String url, Dialect dialect) {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations(dialect.migrations())
                .load()
                .migrate();
    }

    private static void configure(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement s = connection.createStatement()) {
                // The recursive blast-radius query is estimated expensive enough to trigger JIT compilation, which
                // then takes 150 ms of a 226 ms query (EXPLAIN ANALYZE, lodash on the 5,000-SBOM bench store).
                // Our statements are short index walks: JIT never pays for itself here.
                s.execute("SET jit = off");
            }
        }
        if (dialect == Dialect.SQLITE) {
            try (Statement s = connection.createStatement()) {
                // WAL lets readers go on while a writer commits; NORMAL sync is durable at every checkpoint
                // and crash-safe in WAL mode, at a fraction of FULL's fsyncs per document.
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=30000");
                // A quarter GiB of page cache, and a checkpoint every 40 MB of WAL instead of every 4 MB: ingest
                // dirties index pages all over the file, and each checkpoint writes (and syncs) them again.
                s.execute("PRAGMA cache_size=-262144");
                s.execute("PRAGMA wal_autocheckpoint=10000");
                s.execute("PRAGMA temp_store=MEMORY");
            }
        }
    }

    /** Hides a password given in the URL when the URL is shown in a message. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /**
     * Refreshes the planner's statistics after a bulk load. PostgreSQL plans the recursive and IN-list queries
     * badly on tables it has never analysed (a server with autovacuum off never does); SQLite's {@code optimize}
     * does the same where it judges it useful.
     */
    public void refreshStatistics() {
        try (Statement s = connection.createStatement()) {
            s.execute(dialect == Dialect.POSTGRESQL ? "ANALYZE" : "PRAGMA optimize");
        } catch (SQLException e) {
            throw new StoreException("refreshing statistics failed: " + e.getMessage(), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return redact(url);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the database failed: " + e.getMessage(), e);
        }
    }
}
