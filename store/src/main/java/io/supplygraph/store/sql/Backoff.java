package io.supplygraph.store.sql;

import io.supplygraph.store.StoreFault;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and whether to try a failed transaction again. Waits grow exponentially and are drawn at random below that
 * bound ("full jitter"), so writers that collided do not collide again on the same beat, as they did when every
 * retry came at once. Conflicts between writers are given a number of attempts; a lost connection is given time,
 * enough for a database server to restart.
 */
final class Backoff {

    static final long FIRST_WAIT_MS = 20;
    static final long LONGEST_WAIT_MS = 2_000;
    /** Deadlocks, serialisation failures and busy files: then the transaction is reported failed. */
    static final int CONFLICT_ATTEMPTS = 10;
    /** How long a lost connection is tried again before the store is reported unreachable. */
    static final long CONNECTION_PATIENCE_MS = 60_000;

    private final long started = System.nanoTime();
    private int failures;

    /** Counts one more failure; false when {@code fault} has used up its attempts or time. */
    boolean another(StoreFault fault) {
        failures++;
        if (fault == StoreFault.CONNECTION) {
            return (System.nanoTime() - started) / 1_000_000 < CONNECTION_PATIENCE_MS;
        }
        return failures < CONFLICT_ATTEMPTS;
    }

    int failures() {
        return failures;
    }

    void pause() {
        long bound = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS << Math.min(failures, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound / 4, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", e);
        }
    }
}
