package io.supplygraph.ingest.osv;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync against a real HTTP server on localhost that serves an export built from the corpus, as GCS does. */
class OsvSyncTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private volatile byte[] zip;
    private volatile String etag = "\"v1\"";
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        zip = export("GO-2020-0001.json", "GO-2021-0052.json", "GO-2023-1737.json");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ecosystems.txt", x -> send(x, 200, "Go\nPyPI\n".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/Go/all.zip", this::export);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static byte[] export(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(Corpus.path("osv/golang-vulndb/osv/" + name)));
            }
        }
        return bytes.toByteArray();
    }

    /** GET with the conditional and range headers a bucket honours. */
    private void export(HttpExchange x) throws IOException {
        String range = x.getRequestHeaders().getFirst("Range");
        String ifRange = x.getRequestHeaders().getFirst("If-Range");
        String ifNoneMatch = x.getRequestHeaders().getFirst("If-None-Match");
        synchronized (requests) {
            requests.add((range == null ? "" : range) + "|" + (ifNoneMatch == null ? "" : ifNoneMatch));
        }
        x.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ifNoneMatch)) {
            send(x, 304, null);
        } else if (range != null && etag.equals(ifRange)) {
            int from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            x.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (zip.length - 1) + "/" + zip.length);
            send(x, 206, Arrays.copyOfRange(zip, from, zip.length));
        } else {
            send(x, 200, zip);
        }
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
        x.close();
    }

    @Test
    void listsTheServersEcosystems() throws IOException {
        assertThat(new OsvSync(base(), tmp).ecosystems()).containsExactly("Go", "PyPI");
    }

    @Test
    void downloadsOnceThenOnlyWhenChanged() throws IOException {
        OsvSync sync = new OsvSync(base(), tmp);
        OsvSync.Fetched first = sync.fetch("Go", (e, done, total) -> {});
        assertThat(first.changed()).isTrue();
        assertThat(Files.readAllBytes(first.zip())).isEqualTo(zip);

        assertThat(sync.fetch("Go", (e, done, total) -> {}).changed()).isFalse();
        assertThat(requests.get(1)).isEqualTo("|\"v1\"");

        zip = export("GO-2020-0001.json");
        etag = "\"v2\"";
        OsvSync.Fetched changed = sync.fetch("Go", (e, done, total) -> {});
        assertThat(changed.changed()).isTrue();
        assertThat(Files.readAllBytes(changed.zip())).isEqualTo(zip);
    }

    @Test
    void anExportStaysPendingUntilItsImportCompletes() throws IOException {
        OsvSync sync = new OsvSync(base(), tmp);
        assertThat(sync.fetch("Go", (e, done, total) -> {}).pending()).as("downloaded").isTrue();
        OsvSync.Fetched unchanged = sync.fetch("Go", (e, done, total) -> {});
        assertThat(unchanged.changed()).isFalse();
        assertThat(unchanged.pending()).as("its import never completed").isTrue();

        sync.imported(unchanged);
        assertThat(sync.fetch("Go", (e, done, total) -> {}).pending()).isFalse();

        etag = "\"v2\"";
        assertThat(sync.fetch("Go", (e, done, total) -> {}).pending()).as("changed").isTrue();
    }

    @Test
    void resumesABrokenOffDownloadWithARangeRequest() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("Go"));
        int half = zip.length / 2;
        Files.write(folder.resolve("all.zip.part"), Arrays.copyOf(zip, half));
        Files.writeString(folder.resolve("all.zip.meta"), "part-validator=\"v1\"\n");
        long[] last = {0, 0};
        OsvSync.Fetched fetched = new OsvSync(base(), tmp).fetch("Go", (e, done, total) -> {
            last[0] = done;
            last[1] = total;
        });
        assertThat(fetched.resumed()).isTrue();
        assertThat(requests).containsExactly("bytes=" + half + "-|");
        assertThat(Files.readAllBytes(fetched.zip())).isEqualTo(zip);
        assertThat(last).containsExactly(zip.length, zip.length);
    }

    @Test
    void startsOverWhenTheExportChangedSinceThePartialDownload() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("Go"));
        Files.write(folder.resolve("all.zip.part"), new byte[] {1, 2, 3});
        Files.writeString(folder.resolve("all.zip.meta"), "part-validator=\"v0\"\n");
        OsvSync.Fetched fetched = new OsvSync(base(), tmp).fetch("Go", (e, done, total) -> {});
        assertThat(fetched.resumed()).isFalse();
        assertThat(Files.readAllBytes(fetched.zip())).isEqualTo(zip);
    }
}
