package io.supplygraph.server.queue;

import io.supplygraph.analysis.jobs.Jobs;
import java.util.List;

/**
 * A job as it travels on the work-queue stream: a reference to its documents in the object store, never their
 * bytes (a document can be far larger than a message), or the match keys a re-match job matches. The id is the
 * job's in the database, where its result goes.
 *
 * @param documents each uploaded file: the object holding its bytes, and the name it was uploaded under
 * @param keys      a {@code rematch} job's match keys; empty (or absent, in a job queued by an older release) for
 *                  the others
 */
public record QueuedJob(String id, Jobs.Kind kind, String source, String created, List<Document> documents,
        List<String> keys) {

    public QueuedJob {
        keys = keys == null ? List.of() : keys;
    }

    /** One uploaded file of a job. */
    public record Document(String object, String name) {}
}
