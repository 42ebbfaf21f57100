package io.supplygraph.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The failures of a transaction that say nothing about its documents and may pass if it is tried again: the
 * database chose it as a deadlock victim or could not serialise it, the server dropped the connection, or another
 * SQLite process held the file past the busy timeout. Anything else (a full disk, a constraint, a bad value) fails
 * the same way every time.
 */
public enum StoreFault {
    DEADLOCK,
    SERIALIZATION,
    CONNECTION,
    BUSY;

    /** The fault behind {@code failure} (an SQLException, or an exception wrapping one), if it is one of these. */
    public static Optional<StoreFault> of(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException e) {
                Optional<StoreFault> fault = of(e);
                if (fault.isPresent()) {
                    return fault;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * True when the database refused a statement because of the values one document carried (a constraint, a value
     * it cannot hold), so that rejecting that document alone is right; anything else (a full disk, an I/O error, a
     * read-only file) would refuse every document after it just the same, and stops the batch instead.
     */
    public static boolean isTheDocuments(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // Data exception, integrity constraint violation, program limit exceeded (a key too long for its index).
        if (state.startsWith("22") || state.startsWith("23") || state.startsWith("54")) {
            return true;
        }
        String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        return message.contains("SQLITE_CONSTRAINT") || message.contains("SQLITE_TOOBIG")
                || message.contains("SQLITE_MISMATCH") || message.contains("SQLITE_RANGE");
    }

    private static Optional<StoreFault> of(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("40P01")) {
            return Optional.of(DEADLOCK);
        }
        if (state.equals("40001")) {
            return Optional.of(SERIALIZATION);
        }
        // 08: connection exceptions; 57P01-57P03: the backend was terminated, the server shut down or is starting.
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return Optional.of(CONNECTION);
        }
        String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")) {
            return Optional.of(BUSY);
        }
        return Optional.empty();
    }
}
