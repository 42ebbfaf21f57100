package io.supplygraph.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh PostgreSQL databases for a bench run, made and dropped through the server's own {@code postgres}
 * database, and the server's count of the deadlocks it broke in one. The store has no question for either (they
 * are about the server, not the graph), so the bench asks the server directly, as {@link PostgresSize} does.
 */
final class PostgresDatabases {

    /** {@code jdbc:postgresql://host:port/} , the database name, and the parameters. */
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

    private PostgresDatabases() {}

    /**
     * Creates, dropping it first if a previous run left it, the database named {@code url}'s database plus
     * {@code suffix}, on the same server, and returns its URL.
     */
    static String create(String url, String suffix) {
        return make(url, suffix, "");
    }

    /**
     * As {@link #create}, but a copy of the database at {@code url} (no one may be connected to it): runs that must
     * start alike.
     */
    static String copy(String url, String suffix) {
        return make(url, suffix, " TEMPLATE " + parse(url).group(2));
    }

    private static String make(String url, String suffix, String template) {
        Matcher m = parse(url);
        String name = (m.group(2).isEmpty() ? "supplygraph_bench" : m.group(2)) + "_" + suffix;
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a bench database name is lower-case letters, digits and _: " + name);
        }
        execute(url, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute(url, "CREATE DATABASE " + name + template);
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    static void drop(String url) {
        execute(url, "DROP DATABASE IF EXISTS " + parse(url).group(2) + " WITH (FORCE)");
    }

    /** The deadlocks the server has detected in the database at {@code url} since its statistics were reset. */
    static long deadlocks(String url) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the deadlock count of " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * CPU seconds the server's backends connected to the database at {@code url} have used since they started (user
     * and system, from {@code /proc}; the server must run on this machine): the server's share of the work of the
     * connections a run opened and still holds.
     */
    static double backendCpuSeconds(String url) {
        double ticks = 0;
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                java.nio.file.Path stat = java.nio.file.Path.of("/proc", Integer.toString(rs.getInt(1)), "stat");
                try {
                    String text = java.nio.file.Files.readString(stat);
                    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException gone) {
                    // The backend ended meanwhile: its time is lost to the count, which the report says is a floor.
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the backends of " + url + ": " + e.getMessage(), e);
        }
        return ticks / 100.0;
    }

    /** Runs a statement on the server's {@code postgres} database: a database cannot be made or dropped from itself. */
    private static void execute(String url, String sql) {
        Matcher m = parse(url);
        String maintenance = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenance); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed at " + m.group(1) + ": " + e.getMessage(), e);
        }
    }

    private static Matcher parse(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + url);
        }
        return m;
    }
}
