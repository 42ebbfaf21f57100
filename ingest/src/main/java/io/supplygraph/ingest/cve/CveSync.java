package io.supplygraph.ingest.cve;

import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.sync.ResumableDownload;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code cve sync}: downloads the CVE Program's records as one zip ({@code <base>/main.zip}: by default GitHub's
 * archive of the cvelistV5 repository, which always holds every current record) into a cache, as a
 * {@link ResumableDownload} (resumed when it broke off, not fetched again while the server says it is unchanged),
 * and imports it when it is new or its last import did not complete.
 */
public final class CveSync {

    public static final URI DEFAULT_BASE = URI.create("https://github.com/CVEProject/cvelistV5/archive/refs/heads/");
    static final String ARCHIVE = "main.zip";

    /** Imports the downloaded zip, as the caller imports (and reports) it. */
    public interface Importer {
        IngestSummary importArchive(Path zip) throws IOException;
    }

    /** @param summary null when the download was current and imported before */
    public record Synced(ResumableDownload.Result download, IngestSummary summary) {}

    private final ResumableDownload download = new ResumableDownload();
    private final URI archive;
    private final Path cache;

    public CveSync(URI base, Path cache) {
        this.archive = (base.toString().endsWith("/") ? base : URI.create(base + "/")).resolve(ARCHIVE);
        this.cache = cache;
    }

    public Synced sync(ResumableDownload.Progress progress, Importer importer) throws IOException {
        ResumableDownload.Result fetched = download.fetch(archive, cache.resolve(ARCHIVE), progress);
        if (!fetched.pending()) {
            return new Synced(fetched, null);
        }
        IngestSummary summary = importer.importArchive(fetched.file());
        if (summary.storeFailure() == null) {
            download.imported(fetched.file());
        }
        return new Synced(fetched, summary);
    }
}
