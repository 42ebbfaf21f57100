package io.supplygraph.ingest;

/** Where ingested documents go. The ingest pipeline knows this port only; the store module implements it. */
public interface DocumentStore {

    /** True when a document with this digest ({@code sha256:<hex>}) is stored already. */
    boolean contains(String digest);

    /**
     * Stores one document with all its facts in one transaction: all of it or none.
     *
     * @return false when a document with the same digest was stored already (nothing is written then)
     */
    boolean store(DocumentRecord record);

    /**
     * Stores many small documents (advisories come by the ten thousand) in as few transactions as the store
     * likes; each document is still all or nothing.
     *
     * @return per record, false when a document with its digest was stored already
     */
    default boolean[] storeAll(java.util.List<DocumentRecord> records) {
        boolean[] stored = new boolean[records.size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = store(records.get(i));
        }
        return stored;
    }
}
