package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code osv import} and {@code osv sync} as a user runs them: what they print, and their exit codes. */
class OsvCommandTest {

    @TempDir
    Path tmp;

    private static String record(String id) {
        return """
                {"id": "%s", "modified": "2024-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "Go", "name": "example.com/%s"}, "versions": ["v1.0.0"]}]}
                """.formatted(id, id);
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void osvImportJsonKeepsItsFieldsAndAddsWhatTheStoreDidNotAttempt(Kind kind) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("vulns"));
        Files.writeString(folder.resolve("GO-1.json"), record("GO-1"));
        Files.writeString(folder.resolve("LICENSE"), "CC-BY-4.0\n");
        Files.writeString(folder.resolve("broken.json"), "{\"id\": ");
        String db = TestStores.fresh(kind, tmp);

        CliRun first = CliRun.of("osv", "import", "--json", "--db", db, folder.toString());
        CliRun again = CliRun.of("osv", "import", "--json", "--db", db, folder.toString());

        assertThat(first.exit()).as("broken.json is rejected").isEqualTo(1);
        JsonNode summary = json(first).get(0);
        assertThat(fields(summary)).containsExactly("sources", "imported", "already_imported", "skipped", "rejected",
                "not_attempted", "store_failure", "findings_added", "findings_retracted");
        assertThat(summary.get("sources").get(0).asText()).isEqualTo(folder.toString());
        assertThat(summary.get("imported").asInt()).isEqualTo(1);
        assertThat(summary.get("skipped").asInt()).isEqualTo(1);
        assertThat(summary.get("rejected").asInt()).isEqualTo(1);
        assertThat(summary.get("not_attempted").asInt()).isZero();
        assertThat(summary.get("store_failure").isNull()).isTrue();
        assertThat(first.err())
                .startsWith("rejected  " + folder.resolve("broken.json") + ": not a readable OSV record");
        assertThat(json(again).get(0).get("already_imported").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void osvImportExitsOneAndNamesWhatWasNotAttemptedWhenTheStoreFails(Kind kind) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("vulns"));
        for (int i = 0; i < 7; i++) {
            Files.writeString(folder.resolve("GO-%d.json".formatted(i)), record("GO-" + i));
        }
        String db = TestStores.fresh(kind, tmp);
        Supplygraph.open(db).close(); // the schema is created

        CliRun failed = CliRun.of("osv", "import", "--db", readOnly(kind, db), folder.toString());
        CliRun json = CliRun.of("osv", "import", "--json", "--db", readOnly(kind, db), folder.toString());
        CliRun retried = CliRun.of("osv", "import", "--db", db, folder.toString());

        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).containsPattern("supplygraph osv import: the store failed: .*read-?only")
                .contains("0 advisories imported, 0 already imported, 0 files skipped (not OSV), 0 rejected, 7 not"
                        + " attempted")
                .contains("not attempted: " + folder.resolve("GO-0.json") + ", ")
                .contains(" and 2 more; run the same command again to import them");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json(json).get(0).get("not_attempted").asInt()).isEqualTo(7);
        assertThat(json(json).get(0).get("store_failure").asText()).containsPattern("read-?only");
        assertThat(retried.exit()).isZero();
        assertThat(retried.err()).contains("7 advisories imported");
    }

    /**
     * A sync whose import the store stopped takes the same export up again on the next sync, though the server says
     * it is unchanged; once imported, it is left alone.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void osvSyncImportsAnUnchangedExportAgainWhenTheStoreFailedDuringItsImport(Kind kind) throws IOException {
        byte[] zip = export("GO-1", "GO-2", "GO-3");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/Go/all.zip", x -> {
            x.getResponseHeaders().set("ETag", "\"v1\"");
            boolean unchanged = "\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"));
            x.sendResponseHeaders(unchanged ? 304 : 200, unchanged ? -1 : zip.length);
            if (!unchanged) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(zip);
                }
            }
            x.close();
        });
        server.start();
        try {
            String db = TestStores.fresh(kind, tmp);
            Supplygraph.open(db).close(); // the schema is created
            String[] sync = {"osv", "sync", "--ecosystem", "Go", "--cache", tmp.resolve("cache").toString(),
                    "--base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/", "--db"};

            CliRun failed = CliRun.of(with(sync, readOnly(kind, db)));
            CliRun resumed = CliRun.of(with(sync, db));
            CliRun current = CliRun.of(with(sync, db));

            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.err()).contains("Go: downloaded", "the store failed", "3 not attempted");
            assertThat(resumed.exit()).isZero();
            assertThat(resumed.err()).contains("Go: unchanged, importing what the last sync did not store",
                    "3 advisories imported");
            assertThat(current.exit()).isZero();
            assertThat(current.err()).contains("Go: unchanged since the last sync").doesNotContain("imported");
        } finally {
            server.stop(0);
        }
    }

    /** The same store refusing every write: a read-only SQLite file, a PostgreSQL session of read-only transactions. */
    private static String readOnly(Kind kind, String db) {
        return kind == Kind.SQLITE ? "jdbc:sqlite:file:" + db + "?mode=ro"
                : db + "&options=-c%20default_transaction_read_only%3Don";
    }

    private static String[] with(String[] args, String last) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(last);
        return all.toArray(String[]::new);
    }

    private static byte[] export(String... ids) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String id : ids) {
                out.putNextEntry(new ZipEntry(id + ".json"));
                out.write(record(id).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    @org.junit.jupiter.api.Test
    void anOfflineSyncNamesTheHostItCannotReach() throws IOException {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        CliRun run = CliRun.of("osv", "sync", "--ecosystem", "Go", "--cache", tmp.resolve("cache").toString(),
                "--base-url", "http://127.0.0.1:" + port + "/", "--db", tmp.resolve("graph.db").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("supplygraph sync: cannot reach 127.0.0.1:" + port + ": connection refused");
    }
}
