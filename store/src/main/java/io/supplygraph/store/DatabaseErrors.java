package io.supplygraph.store;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns what a driver or Flyway says into one line a user can act on: drivers prefix codes ({@code [SQLITE_NOTADB]},
 * {@code FATAL:}) and Flyway wraps the cause in a banner of several lines.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {}

    public static String reason(Throwable failure) {
        SQLException sql = rootSqlException(failure);
        if (sql == null) {
            return firstLine(failure.getMessage(), failure);
        }
        String message = String.valueOf(sql.getMessage());
        String upper = message.toUpperCase(Locale.ROOT);
        if (upper.contains("SQLITE_NOTADB")) {
            return "the file is not an SQLite database";
        }
        if (upper.contains("SQLITE_READONLY")) {
            return "the file is read-only (attempt to write a readonly database)";
        }
        if (upper.contains("SQLITE_CANTOPEN")) {
            return "the file cannot be opened or created (is its folder missing or read-only?)";
        }
        if (upper.contains("SQLITE_FULL")) {
            return "the disk is full";
        }
        return firstLine(message.replaceFirst("^(FATAL|ERROR): ", ""), sql);
    }

    private static SQLException rootSqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException e) {
                found = e;
            }
        }
        return found;
    }

    private static String firstLine(String message, Throwable failure) {
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
