package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
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

/**
 * {@code cve import} and {@code cve sync} as a user runs them, over the corpus's CVE JSON 5 records: a folder, and a
 * zip laid out as GitHub's archive of cvelistV5 (a top folder, {@code cves/YYYY/NNxxx/}, README and delta files
 * beside the records) served with an ETag as GitHub serves it.
 */
class CveCommandTest {

    private static final List<String> RECORDS = List.of("CVE-2017-20197", "CVE-2021-32714", "CVE-2023-2798",
            "CVE-2024-26308", "CVE-2024-28111", "CVE-2024-28834", "CVE-2024-7826");

    @TempDir
    Path tmp;

    private static JsonNode summary(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out()).get(0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cveImportReadsTheRecordsOfAFolderAndSkipsTheRest(Kind kind) throws IOException {
        String db = TestStores.fresh(kind, tmp);
        CliRun run = CliRun.of("cve", "import", "--json", "--db", db, Corpus.path("cve5").toString());
        assertThat(run.exit()).isZero();
        JsonNode summary = summary(run);
        assertThat(summary.get("imported").asInt()).isEqualTo(7);
        assertThat(summary.get("skipped").asInt()).isEqualTo(2); // the licence and SOURCES.md
        assertThat(summary.get("rejected").asInt()).isZero();
        CliRun again = CliRun.of("cve", "import", "--db", db, Corpus.path("cve5").toString());
        assertThat(again.err()).contains("0 CVE records imported, 7 already imported, 2 files skipped");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cveImportReadsAReleaseZipThatHoldsAZip(Kind kind) throws IOException {
        // cvelistV5's release assets (YYYY-MM-DD_all_CVEs_at_midnight.zip.zip) hold cves.zip, which holds cves/...
        Path release = tmp.resolve("2024-11-30_all_CVEs_at_midnight.zip.zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("cves.zip"));
            out.write(archive());
        }
        Files.write(release, bytes.toByteArray());
        CliRun run = CliRun.of("cve", "import", "--json", "--db", TestStores.fresh(kind, tmp), release.toString());
        assertThat(run.exit()).isZero();
        assertThat(summary(run).get("imported").asInt()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cveSyncDownloadsOnceAndSkipsAnUnchangedArchive(Kind kind) throws IOException {
        byte[] zip = archive();
        List<String> asked = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cvelistV5/main.zip", x -> {
            asked.add(String.valueOf(x.getRequestHeaders().getFirst("If-None-Match")));
            x.getResponseHeaders().set("ETag", "\"a1\"");
            send(x, "\"a1\"".equals(x.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200, zip);
        });
        server.start();
        try {
            String db = TestStores.fresh(kind, tmp);
            String[] sync = {"cve", "sync", "--db", db, "--cache", tmp.resolve("cache").toString(), "--base-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/cvelistV5/"};
            CliRun first = CliRun.of(sync);
            CliRun second = CliRun.of(sync);
            assertThat(first.exit()).isZero();
            assertThat(first.err()).contains("7 CVE records imported, 0 already imported, 3 files skipped");
            assertThat(second.exit()).isZero();
            assertThat(second.err()).contains("CVE records: unchanged since the last sync");
            assertThat(asked).containsExactly("null", "\"a1\"");
        } finally {
            server.stop(0);
        }
    }

    /** cvelistV5-main/cves/YYYY/NNxxx/CVE-YYYY-NNNNN.json, with README.md and the delta files beside them. */
    private static byte[] archive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("cvelistV5-main/README.md"));
            out.write("# cvelistV5\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("cvelistV5-main/cves/delta.json"));
            out.write("{\"fetchTime\":\"2024-11-30T00:00:00Z\",\"numberOfChanges\":0,\"new\":[],\"updated\":[]}"
                    .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("cvelistV5-main/cves/deltaLog.json"));
            out.write("[]".getBytes(StandardCharsets.UTF_8));
            for (String id : RECORDS) {
                String[] parts = id.split("-");
                String bucket = parts[2].substring(0, parts[2].length() - 3) + "xxx";
                out.putNextEntry(new ZipEntry("cvelistV5-main/cves/" + parts[1] + "/" + bucket + "/" + id + ".json"));
                out.write(Files.readAllBytes(Corpus.path("cve5/" + id + ".json")));
            }
        }
        return bytes.toByteArray();
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, status == 304 ? -1 : body.length);
        if (status != 304) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
        x.close();
    }
}
