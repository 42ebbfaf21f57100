package io.supplygraph.ingest.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * One file kept current from a URL, for every sync (OSV's exports, the KEV catalog, EPSS scores). A download that
 * broke off resumes where it stopped (HTTP Range, guarded by If-Range with the validator the partial download started
 * under, so a file that changed meanwhile starts over); a finished one is fetched again only when the server says it
 * changed (If-None-Match / If-Modified-Since). A download stays pending until {@link #imported} says its import
 * completed, so that an import the store stopped part-way is taken up by the next sync though the file did not change.
 * The validators live beside the file, in {@code <file>.meta}.
 */
public final class CachedDownload {

    /** Progress of one download: bytes so far, and the total when the server said (else -1). */
    public interface Progress {
        void bytes(long done, long total);
    }

    /**
     * @param file    the cached file
     * @param changed false when the cached file was already current (nothing downloaded)
     * @param resumed true when the download continued a partial one
     * @param pending true until {@link #imported} is called: a new download, or an unchanged one whose last import did
     *                not complete
     */
    public record Fetched(Path file, boolean changed, boolean resumed, boolean pending) {}

    private static final String ETAG = "etag";
    private static final String LAST_MODIFIED = "last-modified";
    private static final String PART_VALIDATOR = "part-validator";
    private static final String PENDING = "import-pending";

    private final HttpClient client;
    private final URI uri;
    private final Path file;

    public CachedDownload(HttpClient client, URI uri, Path file) {
        this.client = client;
        this.uri = uri;
        this.file = file;
    }

    /** The client every sync uses: redirects followed, 30 s to connect. */
    public static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    public Fetched fetch(Progress progress) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Path metaFile = metaFile();
        Properties meta = load(metaFile);

        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        long offset = 0;
        String partValidator = meta.getProperty(PART_VALIDATOR);
        if (Files.exists(part) && partValidator != null && Files.size(part) > 0) {
            offset = Files.size(part);
            request.header("Range", "bytes=" + offset + "-").header("If-Range", partValidator);
        } else if (Files.exists(file)) {
            Optional.ofNullable(meta.getProperty(ETAG)).ifPresent(v -> request.header("If-None-Match", v));
            Optional.ofNullable(meta.getProperty(LAST_MODIFIED)).ifPresent(v -> request.header("If-Modified-Since", v));
        }
        HttpResponse<InputStream> response = send(client, request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status == 304) {
            response.body().close();
            return new Fetched(file, false, false, meta.containsKey(PENDING));
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
                progress.bytes(done, total);
            }
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Properties done = new Properties();
        if (etag != null) {
            done.setProperty(ETAG, etag);
        }
        if (lastModified != null) {
            done.setProperty(LAST_MODIFIED, lastModified);
        }
        done.setProperty(PENDING, "true");
        store(done, metaFile);
        return new Fetched(file, true, resumed, true);
    }

    /** The file's import completed (rejected records included: importing them again would not help). */
    public void imported() throws IOException {
        Path metaFile = metaFile();
        Properties meta = load(metaFile);
        if (meta.remove(PENDING) != null) {
            store(meta, metaFile);
        }
    }

    private Path metaFile() {
        return file.resolveSibling(file.getFileName() + ".meta");
    }

    /** Sends a request, an interruption becoming an IOException that says what was being fetched. */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client.send(request, handler);
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
            p.store(out, "validators of the cached download");
        }
    }
}
