package io.supplygraph.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The on-disk size of a PostgreSQL database. The store has no question for this (users ask the server), so the
 * bench asks it directly, on its own connection.
 */
final class PostgresSize {

    private PostgresSize() {}

    static long of(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the size of " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }
}
