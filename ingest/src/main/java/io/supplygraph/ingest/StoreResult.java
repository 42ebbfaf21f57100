package io.supplygraph.ingest;

/**
 * What became of one document handed to the store: stored, already there, or failed (with the reason; nothing of
 * it was stored, and the documents stored with it in the same transaction are unaffected).
 */
public record StoreResult(boolean stored, String failure) {

    public static final StoreResult STORED = new StoreResult(true, null);
    public static final StoreResult ALREADY_STORED = new StoreResult(false, null);

    public static StoreResult failed(String reason) {
        return new StoreResult(false, reason);
    }

    public boolean failed() {
        return failure != null;
    }
}
