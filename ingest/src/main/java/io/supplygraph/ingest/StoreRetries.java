package io.supplygraph.ingest;

/**
 * How often the store had to retry a transaction, by cause: deadlocks and serialisation failures between concurrent
 * writers, connections the server dropped, and SQLite files another process held past the busy timeout.
 */
public record StoreRetries(int deadlocks, int serializationFailures, int connectionFailures, int busy) {

    public static final StoreRetries NONE = new StoreRetries(0, 0, 0, 0);

    public int total() {
        return deadlocks + serializationFailures + connectionFailures + busy;
    }

    /** The retries since {@code earlier}, a snapshot of the same store's counts. */
    public StoreRetries since(StoreRetries earlier) {
        return new StoreRetries(deadlocks - earlier.deadlocks, serializationFailures - earlier.serializationFailures,
                connectionFailures - earlier.connectionFailures, busy - earlier.busy);
    }
}
