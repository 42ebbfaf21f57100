package io.supplygraph.ingest;

/**
 * A document as a whole could not be taken: the message is the reason, written for the user who sent
 * the file (the caller adds the file's name). Nothing of a rejected document is stored.
 */
public class DocumentRejectedException extends Exception {

    public DocumentRejectedException(String reason) {
        super(reason);
    }

    public DocumentRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
