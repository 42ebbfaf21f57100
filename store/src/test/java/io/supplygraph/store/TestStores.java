package io.supplygraph.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stores every store-backed test runs against: an SQLite file in the test's temporary folder, and the real
 * PostgreSQL server named by {@code SUPPLYGRAPH_TEST_POSTGRES} (a JDBC URL to a database this test run owns;
 * {@code .ci/run} creates a fresh one). Each PostgreSQL store is a new schema in that database, so tests never
 * see each other's data. Without the variable the PostgreSQL half skips, saying why.
 */
public final class TestStores {

    public enum Kind { SQLITE, POSTGRESQL }

    public static final String POSTGRES_VARIABLE = "SUPPLYGRAPH_TEST_POSTGRES";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private TestStores() {}

    /** A location for {@code Supplygraph.open} / {@code GraphStore.open}: empty, ready to migrate. */
    public static String fresh(Kind kind, Path tempDir) {
        if (kind == Kind.SQLITE) {
            return tempDir.resolve("graph-" + SCHEMAS.incrementAndGet() + ".db").toString();
        }
        String url = System.getenv(POSTGRES_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), "PostgreSQL tests skipped: set " + POSTGRES_VARIABLE
                + " to a JDBC URL of a database they may fill (.ci/run does), e.g."
                + " jdbc:postgresql://127.0.0.1:5432/supplygraph_test?user=postgres");
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + url + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The id of the stored package version with exactly this purl. */
    public static long versionId(GraphStore store, String purl) {
        try {
            return store.packages().matching(PackageIdentity.fromPurl(purl)).stream()
                    .filter(v -> v.purl().equals(purl)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(purl + " is not stored")).id();
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(purl, e);
        }
    }
}
