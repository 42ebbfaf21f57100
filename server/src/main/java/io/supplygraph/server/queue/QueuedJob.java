package io.supplygraph.server.queue;

import io.supplygraph.analysis.jobs.Jobs;
import java.util.List;

/**
 * A job as it travels on the work-queue stream: a reference to its documents in the object store, never their
 * bytes (a document can be far larger than a message). The id is the job's in the database, where its result goes.
 *
 * @param documents each uploaded file: the object holding its bytes, and the name it was uploaded under
 */
public record QueuedJob(String id, Jobs.Kind kind, String source, String created, List<Document> documents) {

    /** One uploaded file of a job. */
    public record Document(String object, String name) {}
}
