package io.supplygraph.store;

/** The database failed: it is unreachable, full, or refused a statement. Not the user's document's fault. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
