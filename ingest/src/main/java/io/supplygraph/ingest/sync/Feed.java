package io.supplygraph.ingest.sync;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A published file that a sync keeps current and imports whole: the KEV catalog, the day's EPSS scores. The base URL
 * is configurable (a mirror, a test server); the file name under it is the publisher's.
 *
 * @param name        how commands and the cache folder call it ({@code kev}, {@code epss})
 * @param defaultBase where the publisher serves it
 * @param fileName    the file under the base
 */
public record Feed(String name, URI defaultBase, String fileName) {

    /** Imports a downloaded file, as the caller imports (and reports) it. */
    public interface Importer<T> {
        T importFile(ResumableDownload.Result fetched) throws IOException;
    }

    /** What one sync did: {@code imported} is null when the file was current and imported before. */
    public record Synced<T>(ResumableDownload.Result fetched, T imported) {}

    /**
     * Downloads the file under {@code base} into {@code cache} (resuming, or skipping it when unchanged), and imports
     * it when it is pending; it stays pending when the import throws, for the next sync to take up.
     */
    public <T> Synced<T> sync(URI base, Path cache, ResumableDownload.Progress progress, Importer<T> importer)
            throws IOException {
        URI root = base.toString().endsWith("/") ? base : URI.create(base + "/");
        ResumableDownload download = new ResumableDownload();
        ResumableDownload.Result fetched = download.fetch(root.resolve(fileName), cache.resolve(name).resolve(fileName),
                progress);
        if (!fetched.pending()) {
            return new Synced<>(fetched, null);
        }
        T imported = importer.importFile(fetched);
        download.imported(fetched.file());
        return new Synced<>(fetched, imported);
    }
}
