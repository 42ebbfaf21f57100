package io.supplygraph.server.queue;

import java.util.Locale;

/**
 * What a worker last said about itself (every few seconds while it runs; a worker silent for longer than
 * {@link WorkerRegistry#TTL} is gone from the list).
 *
 * @param job    the job it works on, or null when idle
 * @param done   jobs it finished (stored, already ingested or rejected) since it started
 * @param failed attempts that failed, including those that went to the dead-letter stream
 */
public record WorkerStatus(String name, State state, String job, long done, long failed, String started,
        String seen) {

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
