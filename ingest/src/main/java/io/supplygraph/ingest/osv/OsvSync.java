package io.supplygraph.ingest.osv;

import io.supplygraph.ingest.IngestSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Downloads OSV's bulk exports ({@code <base>/<Ecosystem>/all.zip}) into a cache folder, one folder per
 * ecosystem. A download that broke off resumes where it stopped (HTTP Range, guarded by If-Range with the
 * validator the partial download started under, so a file that changed meanwhile starts over); a finished one is
 * fetched again only when the server says it changed (If-None-Match / If-Modified-Since). A download stays pending
 * until {@link #imported} says its import completed, so that an import the store stopped part-way is taken up by
 * the next sync though the export did not change.
 */
public final class OsvSync {

    public static final URI DEFAULT_BASE = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");

    /** Progress of one download: bytes so far, and the total when the server said (else -1). */
    public interface Progress {
        void bytes(String ecosystem, long done, long total);
    }

    /**
     * @param zip     the cached export
     * @param changed false when the cached export was already current (nothing downloaded)
     * @param resumed true when the download continued a partial one
     * @param pending true until {@link #imported} is called for this export: a new download, or an unchanged one whose
     *                last import did not complete
     */
    public record Fetched(String ecosystem, Path zip, boolean changed, boolean resumed, boolean pending) {}

    /** Imports one downloaded export into the graph, as the caller imports (and reports) it. */
    public interface Importer {
        IngestSummary importExport(Fetched fetched) throws IOException;

        /** An export that is current and was imported before: nothing to do. */
        default void current(Fetched fetched) {}
    }

    /** What became of one ecosystem: {@code summary} null when its export was current and imported before. */
    public record Synced(String ecosystem, Fetched fetched, IngestSummary summary) {}

    private static final String ETAG = "etag";
    private static final String LAST_MODIFIED = "last-modified";
    private static final String PART_VALIDATOR = "part-validator";
    private static final String PENDING = "import-pending";

    private final HttpClient client;
    private final URI base;
    private final Path cache;

    public OsvSync(URI base, Path cache) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.cache = cache;
    }

    /** The ecosystems the server exports, from its {@code ecosystems.txt}. */
    public List<String> ecosystems() throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("ecosystems.txt")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + base.resolve("ecosystems.txt") + " answered " + response.statusCode());
        }
        return response.body().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Downloads each ecosystem's export ({@link #ecosystems()} when none are named) and imports those that are
     * pending. A store failure stops the sync at that export, which stays pending: every later export would fail
     * the same way, and the next sync takes this one up again.
     */
    public List<Synced> sync(List<String> names, Progress progress, Importer importer) throws IOException {
        List<Synced> synced = new java.util.ArrayList<>();
        for (String ecosystem : names.isEmpty() ? ecosystems() : names) {
            Fetched fetched = fetch(ecosystem, progress);
            if (!fetched.pending()) {
                importer.current(fetched);
                synced.add(new Synced(ecosystem, fetched, null));
                continue;
            }
            IngestSummary summary = importer.importExport(fetched);
            synced.add(new Synced(ecosystem, fetched, summary));
            if (summary.storeFailure() != null) {
                break;
            }
            imported(fetched);
        }
        return synced;
    }

    public Fetched fetch(String ecosystem, Progress progress) throws IOException {
        Path folder = Files.createDirectories(folder(ecosystem));
        Path zip = folder.resolve("all.zip");
        Path part = folder.resolve("all.zip.part");
        Path metaFile = metaFile(ecosystem);
        Properties meta = load(metaFile);
        URI uri = base.resolve(URLEncoder.encode(ecosystem, StandardCharsets.UTF_8).replace("+", "%20") + "/all.zip");

        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        long offset = 0;
        String partValidator = meta.getProperty(PART_VALIDATOR);
        if (Files.exists(part) && partValidator != null && Files.size(part) > 0) {
            offset = Files.size(part);
            request.header("Range", "bytes=" + offset + "-").header("If-Range", partValidator);
        } else if (Files.exists(zip)) {
            Optional.ofNullable(meta.getProperty(ETAG)).ifPresent(v -> request.header("If-None-Match", v));
            Optional.ofNullable(meta.getProperty(LAST_MODIFIED)).ifPresent(v -> request.header("If-Modified-Since", v));
        }
        HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status == 304) {
            response.body().close();
            return new Fetched(ecosystem, zip, false, false, meta.containsKey(PENDING));
        }
        if (status != 200 && status != 206) {
            response.body().close();
            throw new IOException("GET " + uri + " answered " + status);
        }
        boolean resumed = status == 206;
        String etag = response.headers().firstValue("ETag").orElse(null);
        String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        if (!resumed) {
            offset = 0;
            String validator = etag != null ? etag : lastModified;
            meta.remove(PART_VALIDATOR);
            if (validator != null) {
                meta.setProperty(PART_VALIDATOR, validator);
            }
            store(meta, metaFile);
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        total = total < 0 ? -1 : total + offset;
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[64 * 1024];
            long done = offset;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                done += n;
                progress.bytes(ecosystem, done, total);
            }
        }
        Files.move(part, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Properties done = new Properties();
        if (etag != null) {
            done.setProperty(ETAG, etag);
        }
        if (lastModified != null) {
            done.setProperty(LAST_MODIFIED, lastModified);
        }
        done.setProperty(PENDING, "true");
        store(done, metaFile);
        return new Fetched(ecosystem, zip, true, resumed, true);
    }

    /** The export's import completed (rejected records included: importing them again would not help). */
    public void imported(Fetched fetched) throws IOException {
        Path metaFile = metaFile(fetched.ecosystem());
        Properties meta = load(metaFile);
        if (meta.remove(PENDING) != null) {
            store(meta, metaFile);
        }
    }

    private Path folder(String ecosystem) {
        return cache.resolve(ecosystem.replace('/', '_'));
    }

    private Path metaFile(String ecosystem) {
        return folder(ecosystem).resolve("all.zip.meta");
    }

    /**
     * The answer; a server that cannot be reached is one line naming it ("cannot reach osv.dev: connection
     * refused"): the JDK's {@code ConnectException} has no message at all.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        String host = request.uri().getHost() + (request.uri().getPort() < 0 ? "" : ":" + request.uri().getPort());
        try {
            return client.send(request, handler);
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach " + host + ": connection refused", e);
        } catch (java.nio.channels.UnresolvedAddressException | java.net.UnknownHostException e) {
            throw new IOException("cannot reach " + host + ": unknown host", e);
        } catch (java.net.http.HttpConnectTimeoutException e) {
            throw new IOException("cannot reach " + host + ": no answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + request.uri(), e);
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static void store(Properties p, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "validators of the cached OSV export");
        }
    }
}
