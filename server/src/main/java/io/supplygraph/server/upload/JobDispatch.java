package io.supplygraph.server.upload;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs.Job;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.ReleaseNaming;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the job of an accepted upload goes once it is recorded: this server's spool and runner, or the queue that
 * workers on any machine pull from ({@code serve --queue}).
 */
public interface JobDispatch {

    /**
     * Hands the received files to the job, with the application and release they are to be recorded under; returns
     * once both are durable (forced to this server's disk, or acknowledged by NATS). What it leaves where the files
     * were received is removed afterwards.
     */
    void dispatch(Job job, List<Path> files, ReleaseNaming naming) throws IOException;

    /** Whether this server ingests a single document before answering, or queues every upload. */
    boolean ingestsHere();

    /**
     * Imports advisories an OSV sync job downloaded: matched in the import's own transactions here; a queue leaves
     * the matching to re-match jobs that its workers share.
     */
    default IngestSummary importAdvisories(Supplygraph graph, List<String> sources, IngestListener listener) {
        return graph.importAdvisories(sources, InputStream.nullInputStream(), listener);
    }

    /** This server's spool and its job runner: jobs a restart of this server resumes. */
    static JobDispatch spooled(Spool spool, JobRunner jobs) {
        return new JobDispatch() {
            @Override
            public void dispatch(Job job, List<Path> files, ReleaseNaming naming) throws IOException {
                spool.adopt(files, job.id(), naming);
                jobs.submit(job);
            }

            @Override
            public boolean ingestsHere() {
                return true;
            }
        };
    }
}
