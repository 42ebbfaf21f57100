package io.supplygraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.Ingestor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest pipeline when the store fails for good part-way (a full database file, made for real with SQLite's
 * page limit): it stops storing, says why, names every document it did not store, never blocks, and what was
 * stored before stays; once the store has room, the same ingest again completes the graph.
 */
class IngestAfterStoreFailureTest {

    private static final int FILES = 60;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFullStoreStopsTheIngestAndNamesWhatWasNotAttempted() throws IOException, SQLException {
        Path folder = writeSboms(tmp.resolve("sboms"));
        try (GraphStore store = GraphStore.open(TestStores.fresh(TestStores.Kind.SQLITE, tmp))) {
            limitPages(store, 40);
            List<String> events = new ArrayList<>();
            IngestSummary summary = new Ingestor(store).ingest(List.of(folder.toString()), InputStream.nullInputStream(),
                    new IngestListener() {
                        @Override
                        public void stored(String source, DocumentRecord record) {
                            events.add("stored");
                        }

                        @Override
                        public void rejected(String source, String reason) {
                            events.add("rejected " + reason);
                        }

                        @Override
                        public void notAttempted(String source) {
                            events.add("not attempted");
                        }
                    });

            assertThat(summary.storeFailure()).contains("the disk is full");
            assertThat(summary.allAccepted()).isFalse();
            assertThat(summary.rejected()).as("no document is blamed for the store's failure").isZero();
            assertThat(summary.notAttempted()).isNotEmpty().allMatch(name -> name.endsWith(".cdx.json"));
            assertThat(summary.stored() + summary.notAttempted().size()).isEqualTo(FILES);
            assertThat(events).filteredOn(e -> e.equals("not attempted")).hasSize(summary.notAttempted().size());
            assertThat(store.stats().stats().documents()).isEqualTo(summary.stored());

            limitPages(store, 1_000_000);
            IngestSummary again = new Ingestor(store).ingest(List.of(folder.toString()), InputStream.nullInputStream(),
                    new IngestListener() {});
            assertThat(again.stored()).isEqualTo(summary.notAttempted().size());
            assertThat(again.alreadyStored()).isEqualTo(summary.stored());
            assertThat(store.stats().stats().documents()).isEqualTo(FILES);
            assertThat(store.stats().stats().components()).isEqualTo(FILES * 300L);
        }
    }

    private static void limitPages(GraphStore store, long more) throws SQLException {
        try (Statement s = store.database().connection().createStatement()) {
            long pages;
            try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            s.execute("PRAGMA max_page_count = " + (pages + more));
        }
    }

    /** CycloneDX JSON files of 300 components each, every component its own package. */
    private static Path writeSboms(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < FILES; i++) {
            StringBuilder json = new StringBuilder("""
                    {"bomFormat": "CycloneDX", "specVersion": "1.5",
                     "metadata": {"component": {"bom-ref": "app", "type": "application", "name": "app-%d",
                                                "version": "1", "purl": "pkg:generic/app-%d@1"}},
                     "components": [""".formatted(i, i));
            for (int c = 0; c < 300; c++) {
                json.append(c == 0 ? "" : ",").append("""
                        {"type": "library", "name": "lib-%d-%d", "version": "1.0.%d", "purl": "pkg:npm/lib-%d-%d@1.0.%d"}"""
                        .formatted(i, c, c, i, c, c));
            }
            Files.writeString(folder.resolve("app-%02d.cdx.json".formatted(i)), json.append("]}").toString());
        }
        return folder;
    }
}
