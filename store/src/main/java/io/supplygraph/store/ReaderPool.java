package io.supplygraph.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connections that reading sessions borrow (HikariCP), each lent inside a read-only transaction: a session sees
 * one snapshot of the graph however many queries it runs, while the writer commits beside it. The transaction is our
 * own SQL on a connection HikariCP keeps in auto-commit mode, so that a connection idling in the pool (and HikariCP's
 * keep-alive checks of it) holds no snapshot.
 */
final class ReaderPool implements AutoCloseable {

    /** HikariCP reports its start and every added connection at INFO; only what went wrong is worth stderr. */
    private static final Logger HIKARI_LOG = Logger.getLogger("com.zaxxer.hikari");

    static {
        HIKARI_LOG.setLevel(Level.WARNING);
    }

    /**
     * Deferred: the snapshot is taken at the session's first read, and no lock that a writer waits for is ever
     * taken (WAL readers do not block writers).
     */
    private static final String BEGIN_SQLITE = "BEGIN";
    /** Repeatable read is PostgreSQL's snapshot isolation; read-only transactions at this level never fail to serialise. */
    private static final String BEGIN_POSTGRESQL = "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    private final HikariDataSource pool;
    private final Dialect dialect;

    ReaderPool(Connector connector, PoolOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("supplygraph-readers");
        config.setJdbcUrl(connector.url());
        config.setDataSourceProperties(connector.readerProperties());
        config.setConnectionInitSql(connector.readerSetup());
        config.setMaximumPoolSize(options.readers());
        config.setConnectionTimeout(options.borrowTimeout().toMillis());
        this.pool = new HikariDataSource(config);
        this.dialect = connector.dialect();
    }

    /** A connection inside its own read-only transaction; waits for one while all are lent. */
    ReadingSession borrow() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            execute(connection, dialect == Dialect.SQLITE ? BEGIN_SQLITE : BEGIN_POSTGRESQL);
        } catch (SQLException | RuntimeException e) {
            pool.evictConnection(connection);
            throw e;
        }
        return new ReadingSession(this, connection, dialect);
    }

    /** Ends the session's transaction and gives its connection back; one that cannot end it is not lent again. */
    void giveBack(Connection connection) {
        try {
            execute(connection, "ROLLBACK");
            connection.close();
        } catch (SQLException | RuntimeException e) {
            pool.evictConnection(connection);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
