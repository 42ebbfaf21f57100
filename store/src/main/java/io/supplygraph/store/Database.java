package io.supplygraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The graph's database, migrated to the current schema when opened. The embedded default is SQLite, one file; a
 * {@code jdbc:postgresql://} URL selects PostgreSQL. One connection writes, and reads for whoever uses the database
 * itself as its {@link Session} (the CLI); on PostgreSQL a second one, opened on first use, commits the nouns that
 * documents share in short transactions of their own (see {@code Dictionary}). A connection the server dropped is
 * replaced by {@link #reconnect}. Concurrent readers each borrow a connection of their own from a pool
 * ({@link #reading}), created on the first borrow so that a process that never asks (a CLI command) never pays for
 * it.
 *
 * <p>Threads of one process that write take turns at {@link #writeLock}: the writer connection carries one
 * transaction at a time. Other processes are kept apart by the database itself (see {@code DocumentWriter}).
 */
public final class Database implements Session, AutoCloseable {

    /** Flyway reports each migration at INFO on stderr; a CLI user wants only what went wrong. Held so it is not collected. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private final Connector connector;
    private final PoolOptions poolOptions;
    /**
     * Fair, so that a server's ingests each get their turn: a writer whose queue is full asks again the moment it
     * lets go, and would otherwise win the lock back from one that has been waiting. A turn is a transaction
     * (milliseconds to seconds), against which fairness costs nothing.
     */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private Connection connection;
    private Connection nounConnection;
    private volatile ReaderPool readers;
    private boolean closed;

    private Database(Connector connector, PoolOptions poolOptions, Connection connection) {
        this.connector = connector;
        this.poolOptions = poolOptions;
        this.connection = connection;
    }

    /** As {@link #open(String, PoolOptions)}, with the reader pool's {@link PoolOptions#defaults}. */
    public static Database open(String location) {
        return open(location, PoolOptions.defaults());
    }

    /** As {@link #open(String, PoolOptions, OpenMode)}, creating the graph when there is none. */
    public static Database open(String location, PoolOptions pool) {
        return open(location, pool, OpenMode.CREATE);
    }

    /**
     * Opens and migrates the database at {@code location}: a JDBC URL, a libpq URL ({@code postgresql://...}), or a
     * file path meaning an SQLite database. With {@link OpenMode#CREATE} a missing SQLite file (and its folder) is
     * created; with {@link OpenMode#EXISTING} a missing graph is a {@link MissingGraphException}. Whatever else goes
     * wrong is one line naming the database.
     */
    public static Database open(String location, PoolOptions pool, OpenMode mode) {
        String url = DatabaseLocation.toJdbcUrl(location);
        Dialect dialect = Dialect.of(url);
        Path file = dialect == Dialect.SQLITE ? sqliteFile(url) : null;
        String displayName = file != null ? file.toString() : redact(location);
        if (mode == OpenMode.EXISTING && file != null && isMissing(file)) {
            throw new MissingGraphException(displayName);
        }
        Connector connector = new Connector(url, dialect);
        Connection connection = null;
        try {
            if (file != null) {
                createParentFolder(file);
            }
            connection = connector.connect();
            if (mode == OpenMode.EXISTING && SchemaMigration.installedVersion(connection).isEmpty()) {
                throw new MissingGraphException(displayName);
            }
            SchemaMigration.ensureCurrent(connection, connector, file);
            return new Database(connector, pool, connection);
        } catch (MissingGraphException e) {
            closeQuietly(connection);
            throw e;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            String reason = e instanceof StoreException && e.getCause() == null ? e.getMessage()
                    : DatabaseErrors.reason(e);
            throw new StoreException("cannot open the database " + displayName + ": " + reason, e);
        }
    }

    /** No file, or an empty one (SQLite writes its header with the first table; an empty file holds no graph). */
    private static boolean isMissing(Path file) {
        try {
            return !Files.isRegularFile(file) || Files.size(file) == 0;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** The file of an SQLite URL; null for an in-memory or URI-style database, which has no folder to create. */
    private static Path sqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return null;
        }
        return Path.of(file).toAbsolutePath();
    }

    private static void createParentFolder(Path file) {
        Path parent = file.getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new StoreException("cannot create its folder " + parent + ": a file of that name is in the way", null);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new StoreException("cannot create its folder " + parent + ": permission denied", null);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create its folder " + parent + ": " + e.getMessage(), null);
        }
    }

    /** Hides a password given in the URL (as a parameter, or a libpq URL's user:password@) when it is shown. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("^([A-Za-z]+://[^:/@]*:)[^@/]*@", "$1***@");
    }

    /**
     * Refreshes the planner's statistics after a bulk load. PostgreSQL plans the recursive and IN-list queries
     * badly on tables it has never analysed (a server with autovacuum off never does); SQLite's {@code optimize}
     * does the same where it judges it useful.
     */
    public void refreshStatistics() {
        writeLock.lock();
        try (Statement s = connection.createStatement()) {
            s.execute(dialect() == Dialect.POSTGRESQL ? "ANALYZE" : "PRAGMA optimize");
        } catch (SQLException e) {
            throw new StoreException("refreshing statistics failed: " + DatabaseErrors.reason(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The writer connection. */
    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Database writer() {
        return this;
    }

    /** Held by whoever uses the writer connection to write, for a whole transaction (with its retries). */
    public Lock writeLock() {
        return writeLock;
    }

    /**
     * A connection of the reader pool, in a read-only snapshot of the graph until the session is closed; waits while
     * every one is lent (up to {@link PoolOptions#borrowTimeout}, then fails).
     */
    public ReadingSession reading() {
        ReaderPool pool = readers();
        try {
            return pool.borrow();
        } catch (SQLException e) {
            throw new StoreException("borrowing a reader connection of " + url() + " failed: "
                    + DatabaseErrors.reason(e), e);
        }
    }

    private ReaderPool readers() {
        ReaderPool pool = readers;
        if (pool != null) {
            return pool;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the database " + url() + " is closed");
            }
            if (readers == null) {
                try {
                    readers = new ReaderPool(connector, poolOptions);
                } catch (RuntimeException e) {
                    throw new StoreException("cannot open reader connections to " + url() + ": "
                            + DatabaseErrors.reason(e), e);
                }
            }
            return readers;
        }
    }

    /**
     * The connection that commits shared nouns on its own, outside the document's transaction; null on SQLite,
     * where one process writes at a time and nouns go in the document's transaction.
     */
    public Connection nounConnection() throws SQLException {
        if (dialect() == Dialect.SQLITE) {
            return null;
        }
        if (nounConnection == null) {
            nounConnection = connector.connect();
            try (Statement s = nounConnection.createStatement()) {
                // A noun lost in a crash costs nothing: the document that used it commits later, synchronously,
                // which flushes the WAL up to and past the noun's commit anyway.
                s.execute("SET synchronous_commit = off");
            }
        }
        return nounConnection;
    }

    /** Replaces the connections after the server dropped them (a restart, a terminated backend). */
    public void reconnect() throws SQLException {
        closeQuietly(connection);
        closeQuietly(nounConnection);
        nounConnection = null;
        connection = connector.connect();
    }

    @Override
    public Dialect dialect() {
        return connector.dialect();
    }

    /** The JDBC URL, without a password. */
    public String url() {
        return redact(connector.url());
    }

    /** Closes the reader pool too: a reading session still open fails at its next query. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (readers != null) {
                readers.close();
                readers = null;
            }
        }
        closeQuietly(nounConnection);
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the database failed: " + DatabaseErrors.reason(e), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already broken; the error that brought us here is the one worth reporting.
            }
        }
    }
}
