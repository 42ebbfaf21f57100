package io.supplygraph.ingest.verify;

/** A check that failed; its message is the reason recorded with the document's trust. */
final class VerificationException extends Exception {

    VerificationException(String reason) {
        super(reason);
    }

    VerificationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
