package io.supplygraph.server.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.ingest.ReleaseNaming;
import java.util.List;

/**
 * A job as it travels on the work-queue stream: a reference to its documents in the object store, never their
 * bytes (a document can be far larger than a message), or the match keys a re-match job matches. The id is the
 * job's in the database, where its result goes.
 *
 * @param documents each uploaded file: the object holding its bytes, and the name it was uploaded under
 * @param keys      a {@code rematch} job's match keys; empty (or absent, in a job queued by an older release) for
 *                  the others
 * @param naming    the application and release an upload named ({@code ?app=&release=&replace=}); null, and left
 *                  out of the message, when it named none, so that such a job reads as it did before the field
 *                  existed (to workers of an older release too); absent in a job queued by an older release
 */
public record QueuedJob(String id, Jobs.Kind kind, String source, String created, List<Document> documents,
        List<String> keys, @JsonInclude(JsonInclude.Include.NON_NULL) ReleaseNaming naming) {

    public QueuedJob {
        keys = keys == null ? List.of() : keys;
        naming = ReleaseNaming.FROM_SUBJECTS.equals(naming) ? null : naming;
    }

    /** A job that names no application: a re-match job, or an upload named by its documents' subjects. */
    public QueuedJob(String id, Jobs.Kind kind, String source, String created, List<Document> documents,
            List<String> keys) {
        this(id, kind, source, created, documents, keys, null);
    }

    /** How the job's documents are named: as its upload said, else by their subjects. */
    public ReleaseNaming releaseNaming() {
        return naming == null ? ReleaseNaming.FROM_SUBJECTS : naming;
    }

    /** One uploaded file of a job. */
    public record Document(String object, String name) {}
}
