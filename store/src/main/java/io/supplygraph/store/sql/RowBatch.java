package io.supplygraph.store.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A JDBC batch sent to the database every {@value #ROWS} rows instead of once at the end. Both drivers keep
 * every row of a batch until it executes (sqlite-jdbc boxes each parameter into an {@code Object[]}, the
 * PostgreSQL driver keeps a parameter list per row), so one batch for a million-component SBOM's
 * {@code contains} rows held about 150 MB; ten thousand rows a round trip cost nothing measurable in speed.
 */
final class RowBatch {

    static final int ROWS = 10_000;

    private final PreparedStatement statement;
    private int pending;

    RowBatch(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Adds the row the statement's parameters hold, sending the batch when it is full. */
    void add() throws SQLException {
        statement.addBatch();
        if (++pending == ROWS) {
            execute();
        }
    }

    /** Sends whatever rows are left. */
    void execute() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }
}
