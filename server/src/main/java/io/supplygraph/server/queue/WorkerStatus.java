package io.supplygraph.server.queue;

import io.supplygraph.ingest.StoreRetries;
import java.util.Locale;

/**
 * What a worker last said about itself (every few seconds while it runs; a worker silent for longer than
 * {@link WorkerRegistry#TTL} is gone from the list).
 *
 * @param job    the job it works on, or null when idle
 * @param done   jobs it finished (stored, already ingested or rejected) since it started
 * @param failed attempts that failed, including those that went to the dead-letter stream
 * @param retries transactions the database made it try again since it started, by cause (deadlocks and
 *                serialisation failures between workers, lost connections)
 */
public record WorkerStatus(String name, State state, String job, long done, long failed, StoreRetries retries,
        String started, String seen) {

    public enum State {
        IDLE,
        WORKING,
        /** Holding a job while the database does not answer: backing off, not acking. */
        WAITING_FOR_DATABASE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
