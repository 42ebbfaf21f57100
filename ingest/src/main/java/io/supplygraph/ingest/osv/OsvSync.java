package io.supplygraph.ingest.osv;

import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.download.CachedDownload;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Downloads OSV's bulk exports ({@code <base>/<Ecosystem>/all.zip}) into a cache folder, one folder per
 * ecosystem, each kept as a {@link CachedDownload}: resumed when it broke off, skipped when unchanged, and pending
 * until {@link #imported} says its import completed.
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

    private final HttpClient client;
    private final URI base;
    private final Path cache;

    public OsvSync(URI base, Path cache) {
        this.client = CachedDownload.client();
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.cache = cache;
    }

    /** The ecosystems the server exports, from its {@code ecosystems.txt}. */
    public List<String> ecosystems() throws IOException {
        HttpResponse<String> response = CachedDownload.send(client,
                HttpRequest.newBuilder(base.resolve("ecosystems.txt")).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        CachedDownload.Fetched f = download(ecosystem).fetch((done, total) -> progress.bytes(ecosystem, done, total));
        return new Fetched(ecosystem, f.file(), f.changed(), f.resumed(), f.pending());
    }

    /** The export's import completed (rejected records included: importing them again would not help). */
    public void imported(Fetched fetched) throws IOException {
        download(fetched.ecosystem()).imported();
    }

    private CachedDownload download(String ecosystem) {
        URI uri = base.resolve(URLEncoder.encode(ecosystem, StandardCharsets.UTF_8).replace("+", "%20") + "/all.zip");
        return new CachedDownload(client, uri, folder(ecosystem).resolve("all.zip"));
    }

    private Path folder(String ecosystem) {
        return cache.resolve(ecosystem.replace('/', '_'));
    }

}
