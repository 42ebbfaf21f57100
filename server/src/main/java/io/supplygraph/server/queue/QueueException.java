package io.supplygraph.server.queue;

/**
 * NATS did not do what was asked (it does not answer, refused the credentials, timed out acknowledging): the one
 * failure callers of the queue handle, by answering 503 or by trying again later.
 */
public final class QueueException extends RuntimeException {

    private QueueException(String message, Throwable cause) {
        super(message, cause);
    }

    static QueueException of(String doing, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new QueueException(doing + " failed: " + reason, cause);
    }
}
