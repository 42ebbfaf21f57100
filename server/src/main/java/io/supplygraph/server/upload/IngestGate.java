package io.supplygraph.server.upload;

import io.supplygraph.server.http.ApiProblem;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many uploads wait for the graph at once. Past the bound a client is told to come back (503 with
 * Retry-After) instead of every request slowing down until all time out.
 */
public final class IngestGate {

    private final Semaphore permits;
    private final int capacity;

    public IngestGate(int capacity) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
    }

    /** A permit, to be closed when the upload is done; 503 when every permit is taken. */
    public Permit enter() {
        if (!permits.tryAcquire()) {
            throw ApiProblem.unavailable("the server is ingesting " + capacity + " uploads already; send again"
                    + " after the pause Retry-After gives", 1);
        }
        return permits::release;
    }

    public int inUse() {
        return capacity - permits.availablePermits();
    }

    /** A held permit; closing releases it. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
