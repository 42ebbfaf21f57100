package io.supplygraph.store;

import java.time.Duration;

/**
 * The pool of connections that reading sessions borrow ({@link Database#reading}): how many at most, and how long
 * a session waits for one when all are borrowed. Writing is not pooled: one connection per store writes.
 *
 * @param readers       connections at most; each holds a snapshot of the graph while borrowed
 * @param borrowTimeout how long {@code reading()} waits for a free connection before it fails
 */
public record PoolOptions(int readers, Duration borrowTimeout) {

    /** System property: the number of reader connections. */
    public static final String READERS_PROPERTY = "supplygraph.readers";
    /** System property: seconds {@code reading()} waits for a free reader connection. */
    public static final String TIMEOUT_PROPERTY = "supplygraph.readers.timeout";

    static final int DEFAULT_READERS = 8;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public PoolOptions {
        if (readers < 1) {
            throw new IllegalArgumentException("the reader pool needs at least one connection, not " + readers);
        }
        // HikariCP refuses waits below 250 ms; a shorter one would only make busy servers fail sooner.
        if (borrowTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("a reader connection is waited for at least 250 ms, not "
                    + borrowTimeout.toMillis() + " ms");
        }
    }

    /** Eight readers and a 30 s wait, unless the system properties above say otherwise. */
    public static PoolOptions defaults() {
        return new PoolOptions(Integer.getInteger(READERS_PROPERTY, DEFAULT_READERS),
                Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT.toSeconds())));
    }
}
