package io.supplygraph.store.sql;

import io.supplygraph.store.DatabaseErrors;
import io.supplygraph.store.Session;
import io.supplygraph.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Small helpers every SQL class shares: IN-lists of any length, and wrapping driver errors with context. */
final class Sql {

    /** Longer lists are cut into statements of this many parameters (below every dialect's limit). */
    static final int CHUNK = 900;

    private Sql() {}

    /** {@code (?, ?, ?)} for {@code n} parameters. */
    static String placeholders(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    /** {@code template} with its single {@code %s} replaced by an IN-list of {@code n} placeholders. */
    static String inList(String template, int n) {
        return template.formatted(placeholders(n));
    }

    /** The items cut into IN-lists; none for no items, since PostgreSQL rejects an empty {@code IN ()}. */
    static <T> List<List<T>> chunks(List<T> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (items.size() <= CHUNK) {
            return List.of(items);
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }

    static void bindLongs(PreparedStatement statement, int first, Collection<Long> values) throws SQLException {
        int i = first;
        for (long v : values) {
            statement.setLong(i++, v);
        }
    }

    static void bindStrings(PreparedStatement statement, int first, Collection<String> values) throws SQLException {
        int i = first;
        for (String v : values) {
            statement.setString(i++, v);
        }
    }

    static void setLongOrNull(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Reads one result row. */
    interface RowReader<R> {
        R read(ResultSet rs) throws SQLException;
    }

    interface Binder<T> {
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    /** As {@link #select}, for an IN-list of strings. */
    static <R> List<R> selectStrings(Session session, String template, Collection<String> keys, String what,
            RowReader<R> reader) {
        return select(session, template, keys, what, reader);
    }

    /** Runs {@code template} (with one {@code %s} IN-list) once per chunk of {@code keys}, one result per row. */
    static <R> List<R> select(Session session, String template, Collection<?> keys, String what,
            RowReader<R> reader) {
        List<R> rows = new ArrayList<>();
        for (List<?> chunk : chunks(new ArrayList<>(keys))) {
            try (PreparedStatement s = session.connection().prepareStatement(inList(template, chunk.size()))) {
                int i = 1;
                for (Object key : chunk) {
                    s.setObject(i++, key);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
            } catch (SQLException e) {
                throw failure(what, e);
            }
        }
        return rows;
    }

    /** Runs {@code sql} with these parameters, bound in order; one result per row. */
    static <R> List<R> query(Session session, String sql, String what, RowReader<R> reader, Object... parameters) {
        try (PreparedStatement s = session.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<R> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** One JDBC batch of {@code sql}, a row per value, on the writer connection (inside its transaction). */
    static <T> void batch(Session session, String sql, List<T> values, String what, Binder<T> binder) {
        Connection writer = session.writer().connection();
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement s = writer.prepareStatement(sql)) {
            RowBatch batch = new RowBatch(s);
            for (T value : values) {
                binder.bind(s, value);
                batch.add();
            }
            batch.execute();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed: " + reason(e), e);
    }

    /** What went wrong, in one line. */
    static String reason(Throwable e) {
        return DatabaseErrors.reason(e);
    }
}
