package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.sbom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.StoreResult;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.StoreException;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults of the database itself, made for real: a terminated backend, a full database file. */
class StoreFaultsTest {

    @TempDir
    Path tmp;

    @Test
    void aTerminatedBackendIsReconnectedAndTheBatchCompletes() throws SQLException {
        String location = TestStores.fresh(Kind.POSTGRESQL, tmp);
        try (GraphStore store = GraphStore.open(location);
                Connection admin = DriverManager.getConnection(location)) {
            AtomicBoolean terminated = new AtomicBoolean();
            store.listen(documents -> {
                if (!terminated.getAndSet(true)) {
                    terminate(admin, backendOf(store));
                }
            });

            List<StoreResult> results = store.storeAll(documents("after-terminate", 5));

            assertThat(terminated).isTrue();
            assertThat(results).allMatch(StoreResult::stored);
            assertThat(store.retries().connectionFailures()).isEqualTo(1);
            assertThat(store.stats().stats().documents()).isEqualTo(5);
        }
    }

    /**
     * SQLite's page limit makes the file full for real. A full database refuses every document, so it is not the
     * document's fault: the batch fails as a whole, and what was stored before stays as it was.
     */
    @Test
    void aFullDatabaseFailsTheBatchAndKeepsWhatWasStored() throws SQLException {
        try (GraphStore store = GraphStore.open(TestStores.fresh(Kind.SQLITE, tmp))) {
            store.storeAll(documents("before", 3));
            long pages;
            try (Statement s = store.database().connection().createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            try (Statement s = store.database().connection().createStatement()) {
                s.execute("PRAGMA max_page_count = " + (pages + 2));
            }

            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> store.storeAll(documents("big", 40))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("the disk is full")
                    .hasMessageNotContaining("\n");
            assertThat(store.stats().stats().documents()).isEqualTo(3);
            assertThat(store.retries().total()).as("a full disk is not worth retrying").isZero();
        }
    }

    private static List<DocumentRecord> documents(String prefix, int count) {
        List<DocumentRecord> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> components = new ArrayList<>();
            for (int c = 0; c < 200; c++) {
                components.add("pkg:npm/" + prefix + "-" + i + "-component-" + c + "@1.0." + c);
            }
            documents.add(sbom(prefix + "-" + i, "pkg:generic/" + prefix + "-" + i + "@1", components));
        }
        return documents;
    }

    private static int backendOf(GraphStore store) {
        try (Statement s = store.database().connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void terminate(Connection admin, int pid) {
        try (Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
