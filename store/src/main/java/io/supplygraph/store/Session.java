package io.supplygraph.store;

import java.sql.Connection;

/**
 * A connection that the SQL classes read through, and the dialect of the SQL they send it. Two kinds: the
 * {@link Database} itself (its writer connection, which the CLI also reads with), and a {@link ReadingSession}, one
 * connection borrowed from the reader pool. Writing goes through {@link #writer}, which only the database has, so
 * that a reading graph refuses to write before it sends any SQL.
 */
public interface Session {

    Connection connection();

    Dialect dialect();

    /**
     * The database to write through.
     *
     * @throws IllegalStateException when this session only reads
     */
    Database writer();
}
