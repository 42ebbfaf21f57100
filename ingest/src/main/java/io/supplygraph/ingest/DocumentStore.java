package io.supplygraph.ingest;

/** Where ingested documents go. The ingest pipeline knows this port only; the store module implements it. */
public interface DocumentStore {

    /** How many transactions the store retried since it was opened, by cause; none for a store that never retries. */
    default StoreRetries retries() {
        return StoreRetries.NONE;
    }

    /** True when a document with this digest ({@code sha256:<hex>}) is stored already. */
    boolean contains(String digest);

    /**
     * Stores one document with all its facts in one transaction: all of it or none.
     *
     * @return false when a document with the same digest was stored already (nothing is written then)
     */
    boolean store(DocumentRecord record);

    /**
     * Stores many documents in as few transactions as the store likes (a transaction per document would make the
     * database write its hottest index pages again for every document); each document is still all or nothing,
     * and one that fails does not take the others with it.
     *
     * @return per record, in order, what became of it
     */
    default java.util.List<StoreResult> storeAll(java.util.List<DocumentRecord> records) {
        java.util.List<StoreResult> results = new java.util.ArrayList<>(records.size());
        for (DocumentRecord r : records) {
            results.add(store(r) ? StoreResult.STORED : StoreResult.ALREADY_STORED);
        }
        return results;
    }
}
