package io.supplygraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening only an existing graph creates nothing where there is none, and says so. */
class MissingGraphTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingSqliteFileIsRefusedAndNotCreated() {
        Path file = tmp.resolve("typo").resolve("graph.db");
        assertThatThrownBy(() -> GraphStore.open(file.toString(), PoolOptions.defaults(), OpenMode.EXISTING))
                .isInstanceOf(MissingGraphException.class).hasMessage("no graph at " + file);
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void anEmptySqliteFileHoldsNoGraph() throws Exception {
        Path file = Files.createFile(tmp.resolve("empty.db"));
        assertThatThrownBy(() -> GraphStore.open(file.toString(), PoolOptions.defaults(), OpenMode.EXISTING))
                .isInstanceOf(MissingGraphException.class);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void anExistingGraphOpensAndAnEmptyDatabaseDoesNot(TestStores.Kind kind) {
        String location = TestStores.fresh(kind, tmp);
        assertThatThrownBy(() -> GraphStore.open(location, PoolOptions.defaults(), OpenMode.EXISTING))
                .isInstanceOf(MissingGraphException.class).hasMessageStartingWith("no graph at ");
        GraphStore.open(location, PoolOptions.defaults(), OpenMode.CREATE).close();
        try (GraphStore store = GraphStore.open(location, PoolOptions.defaults(), OpenMode.EXISTING)) {
            assertThat(store.stats().stats().documents()).isZero();
        }
    }

    @Test
    void aLibpqUrlBecomesItsJdbcForm() {
        assertThat(DatabaseLocation.toJdbcUrl("postgresql://sg@db.example:5433/graph"))
                .isEqualTo("jdbc:postgresql://db.example:5433/graph?user=sg&reWriteBatchedInserts=true");
        assertThat(DatabaseLocation.toJdbcUrl("postgres://sg:p%40ss@db/graph?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db/graph?sslmode=require&user=sg&password=p%40ss"
                        + "&reWriteBatchedInserts=true");
        assertThat(DatabaseLocation.toJdbcUrl("postgresql://db")).isEqualTo("jdbc:postgresql://db/?reWriteBatchedInserts=true");
    }

    @Test
    void aUrlThatIsNeitherIsRefusedNotTakenForAFileName() {
        assertThatThrownBy(() -> DatabaseLocation.toJdbcUrl("mysql://root@db/graph"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported database URL");
        assertThatThrownBy(() -> DatabaseLocation.toJdbcUrl("postgresql:///graph"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no host");
        assertThat(Database.redact("postgresql://sg:secret@db/graph")).isEqualTo("postgresql://sg:***@db/graph");
    }

    @Test
    void aLibpqUrlReachesPostgresql() {
        String jdbc = System.getenv(TestStores.POSTGRES_VARIABLE);
        org.junit.jupiter.api.Assumptions.assumeTrue(jdbc != null && jdbc.startsWith("jdbc:postgresql://")
                && jdbc.contains("user=postgres") && !jdbc.contains("password"), "needs a password-less local PostgreSQL");
        String libpq = jdbc.substring("jdbc:".length()).replaceFirst("\\?.*", "").replaceFirst("://", "://postgres@");
        String schema = TestStores.fresh(TestStores.Kind.POSTGRESQL, tmp).replaceFirst(".*currentSchema=", "");
        try (GraphStore store = GraphStore.open(libpq + "?currentSchema=" + schema)) {
            assertThat(store.database().url()).startsWith("jdbc:postgresql://").contains("user=postgres");
        }
    }
}
