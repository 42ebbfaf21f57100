package io.supplygraph.ingest;

import java.util.List;

/**
 * Counts for one batch: what was stored, what was there already, what was skipped (files of no format the command
 * reads, when its options skip them), what was rejected, and, when the store failed
 * for good part-way, the reason and the documents that were not stored because of it (the batch it failed on and
 * every one after): running the same ingest again stores them.
 */
public record IngestSummary(int stored, int alreadyStored, int skipped, int rejected, long components, long bytes,
        List<String> notAttempted, StoreRetries retries, String storeFailure) {

    public IngestSummary {
        notAttempted = List.copyOf(notAttempted);
    }

    public boolean allAccepted() {
        return rejected == 0 && storeFailure == null;
    }
}
