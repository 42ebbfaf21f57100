package io.supplygraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.Ingestor;
import io.supplygraph.ingest.osv.OsvImporter;
import io.supplygraph.store.TestStores.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code osv import} through the ingest pipeline, as {@code Supplygraph.importAdvisories} runs it: what it stores,
 * skips and rejects, and what it does when the store fails for good part-way (what an ingest does).
 */
class OsvImportTest {

    @TempDir
    Path tmp;

    private static String record(String id) {
        return """
                {"schema_version": "1.6.0", "id": "%s", "modified": "2024-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "npm", "name": "pkg-%s"}, "versions": ["1.0.0"]}]}
                """.formatted(id, id);
    }

    private static IngestSummary importOsv(GraphStore store, Path source, IngestListener listener) {
        return new Ingestor(store, OsvImporter.options()).ingest(List.of(source.toString()),
                InputStream.nullInputStream(), listener);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void osvImportSkipsFilesThatAreNotRecords(Kind kind) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("vulns"));
        Files.writeString(folder.resolve("OSV-1.json"), record("OSV-1"));
        Files.writeString(folder.resolve("PYSEC-1.yaml"), """
                id: PYSEC-1
                modified: 2024-01-01T00:00:00Z
                affected:
                - package: {ecosystem: PyPI, name: demo}
                  versions: [1.0]
                """);
        Files.writeString(folder.resolve("LICENSE"), "Apache License, Version 2.0\n");
        Files.writeString(folder.resolve("README.md"), "# advisories\n");
        Files.writeString(folder.resolve("empty.txt"), "");
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            Events events = new Events();
            IngestSummary summary = importOsv(store, folder, events);

            assertThat(summary.stored()).isEqualTo(2);
            assertThat(summary.skipped()).isEqualTo(3);
            assertThat(summary.rejected()).isZero();
            assertThat(summary.allAccepted()).isTrue();
            assertThat(events.all).filteredOn(e -> e.startsWith("skipped")).containsExactly(
                    "skipped LICENSE: not an OSV record", "skipped README.md: not an OSV record",
                    "skipped empty.txt: empty file: not an OSV record");
            assertThat(store.stats().stats().documents()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void osvImportReportsAnSbomInsteadOfStoringIt(Kind kind) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("mixed"));
        Files.writeString(folder.resolve("app.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": []}
                """);
        Files.writeString(folder.resolve("app.cdx.xml"), """
                <?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1"><components/></bom>
                """);
        Files.writeString(folder.resolve("OSV-1.json"), record("OSV-1"));
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            Events events = new Events();
            IngestSummary summary = importOsv(store, folder, events);

            assertThat(summary.stored()).isEqualTo(1);
            assertThat(summary.rejected()).isEqualTo(2);
            assertThat(events.all).filteredOn(e -> e.startsWith("rejected")).containsExactly(
                    "rejected app.cdx.json: recognised as cyclonedx-json, not an OSV record"
                            + " (supplygraph ingest reads it)",
                    "rejected app.cdx.xml: recognised as cyclonedx-xml, not an OSV record"
                            + " (supplygraph ingest reads it)");
            assertThat(store.stats().stats().documents()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void osvImportRejectsWhatIsMeantToBeARecordButDoesNotRead(Kind kind) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(folder.resolve("a-no-modified.json"), "{\"id\": \"OSV-2\", \"summary\": \"x\"}");
        Files.writeString(folder.resolve("b-truncated.json"), record("OSV-3").substring(0, 60));
        Files.writeString(folder.resolve("c-broken.yaml"), "id: PYSEC-2\nmodified: [2024\n");
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            Events events = new Events();
            IngestSummary summary = importOsv(store, folder, events);

            assertThat(summary.rejected()).isEqualTo(3);
            assertThat(summary.skipped()).isZero();
            assertThat(events.all).satisfiesExactly(
                    e -> assertThat(e).contains("a-no-modified.json: not an OSV record: it needs an id and a modified"),
                    e -> assertThat(e).contains("b-truncated.json: not a readable OSV record:")
                            .contains("at line 1, column 61"),
                    e -> assertThat(e).contains("c-broken.yaml: not a readable OSV record:"));
            assertThat(store.stats().stats().documents()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void osvImportAndIngestStoreARecordAsTheSameDocument(Kind kind) throws IOException {
        Path file = Files.writeString(tmp.resolve("OSV-1.json"), record("OSV-1"));
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            IngestSummary ingested = new Ingestor(store).ingest(List.of(file.toString()), InputStream.nullInputStream(),
                    new IngestListener() {});
            IngestSummary imported = importOsv(store, file, new IngestListener() {});

            assertThat(ingested.stored()).isEqualTo(1);
            assertThat(imported.stored()).isZero();
            assertThat(imported.alreadyStored()).isEqualTo(1);
            assertThat(store.advisories().named(List.of("OSV-1"))).hasSize(1);
            assertThat(store.stats().stats().documents()).isEqualTo(1);
        }
    }

    /**
     * The store turns read-only for good once the first batch is stored (a real failure on either database): the
     * import stops storing, says why, names every record it did not store without blaming any, and a second import
     * once the store is writable stores exactly those.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void osvImportStopsAndCountsNotAttemptedWhenTheStoreFails(Kind kind) throws IOException, SQLException {
        int records = 450; // more than two batches, so that some come after the failure whatever the timing
        Path zip = export(tmp.resolve("all.zip"), records);
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            Events events = new Events() {
                @Override
                public void stored(String source, DocumentRecord record) {
                    super.stored(source, record);
                    if (all.size() == 1) {
                        readOnly(store, true);
                    }
                }
            };
            IngestSummary summary = importOsv(store, zip, events);

            assertThat(summary.storeFailure()).containsPattern("(?i)read-?only");
            assertThat(summary.allAccepted()).isFalse();
            assertThat(summary.rejected()).as("no record is blamed for the store's failure").isZero();
            assertThat(summary.stored()).isPositive();
            assertThat(summary.stored() + summary.notAttempted().size()).isEqualTo(records);
            assertThat(summary.notAttempted()).allMatch(name -> name.startsWith(zip + "!/OSV-"));
            assertThat(events.all).filteredOn(e -> e.startsWith("not attempted"))
                    .hasSize(summary.notAttempted().size());
            assertThat(events.all.subList(0, summary.stored())).allMatch(e -> e.startsWith("stored"));
            assertThat(store.stats().stats().documents()).isEqualTo(summary.stored());

            readOnly(store, false);
            IngestSummary again = importOsv(store, zip, new IngestListener() {});
            assertThat(again.stored()).isEqualTo(summary.notAttempted().size());
            assertThat(again.alreadyStored()).isEqualTo(summary.stored());
            assertThat(again.storeFailure()).isNull();
            assertThat(store.stats().stats().documents()).isEqualTo(records);
        }
    }

    /** Refuses every write from the next transaction on, as a read-only file or a standby server would. */
    private static void readOnly(GraphStore store, boolean on) {
        String sql = store.database().dialect() == Dialect.SQLITE ? "PRAGMA query_only = " + on
                : "SET default_transaction_read_only = " + on;
        try (Statement s = store.database().connection().createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip laid out like OSV's {@code all.zip}: one small JSON file per record. */
    private static Path export(Path zip, int records) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < records; i++) {
                out.putNextEntry(new ZipEntry("OSV-%04d.json".formatted(i)));
                out.write(record("OSV-%04d".formatted(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return zip;
    }

    /** Every event as one line, in the order heard, with the source's file name. */
    private static class Events implements IngestListener {
        final List<String> all = new ArrayList<>();

        private static String name(String source) {
            return source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('!')) + 1);
        }

        @Override
        public void stored(String source, DocumentRecord record) {
            all.add("stored " + name(source));
        }

        @Override
        public void skipped(String source, String reason) {
            all.add("skipped " + name(source) + ": " + reason);
        }

        @Override
        public void rejected(String source, String reason) {
            all.add("rejected " + name(source) + ": " + reason);
        }

        @Override
        public void notAttempted(String source) {
            all.add("not attempted " + name(source));
        }
    }
}
