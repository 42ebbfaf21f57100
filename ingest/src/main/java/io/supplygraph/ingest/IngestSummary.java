package io.supplygraph.ingest;

/** Counts for one batch: what was stored, what was there already, and what was rejected. */
public record IngestSummary(int stored, int alreadyStored, int rejected, long components, long bytes) {

    public boolean allAccepted() {
        return rejected == 0;
    }
}
