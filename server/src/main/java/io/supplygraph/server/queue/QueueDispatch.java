package io.supplygraph.server.queue;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.jobs.Jobs.Job;
import io.supplygraph.analysis.vulns.AdvisoryImport;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.http.ApiProblem;
import io.supplygraph.server.upload.JobDispatch;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * Uploads as jobs on the queue, for workers to ingest. The server connects at its first upload rather than at its
 * start, and again after a failed attempt, so that a server started while NATS is away serves reads and answers
 * uploads 503 until NATS is back, instead of refusing to start. Never a 2xx without NATS's acknowledgement.
 */
public final class QueueDispatch implements JobDispatch, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QueueDispatch.class.getName());

    /** The pause a client is told to wait after a 503 for want of the queue. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private final QueueOptions options;
    private final GraphAccess graph;
    private final String clientName;
    private JobQueue queue;

    public QueueDispatch(QueueOptions options, GraphAccess graph, String clientName) {
        this.options = options;
        this.graph = graph;
        this.clientName = clientName;
    }

    @Override
    public void dispatch(Job job, List<Path> files, io.supplygraph.ingest.ReleaseNaming naming) {
        try {
            queue().publish(job, files, naming);
        } catch (QueueException e) {
            graph.write(g -> {
                g.jobs().finished(job.id(), Jobs.State.FAILED, "{\"reason\":\"the queue did not take the job\"}");
                return null;
            });
            throw ApiProblem.unavailable("the job queue does not answer, so nothing of this upload was kept: "
                    + e.getMessage(), RETRY_AFTER_SECONDS);
        }
    }

    private synchronized JobQueue queue() {
        if (queue == null) {
            queue = JobQueue.connect(options, clientName);
        }
        return queue;
    }

    @Override
    public boolean ingestsHere() {
        return false;
    }

    /**
     * Stores the advisories unmatched and leaves their matching to re-match jobs that the workers share, as
     * {@code osv sync --queue} does; matches here when the queue does not take them.
     */
    @Override
    public IngestSummary importAdvisories(Supplygraph graph, List<String> sources, IngestListener listener) {
        AdvisoryImport imported = graph.importAdvisoriesForRematch(sources, InputStream.nullInputStream(), listener);
        RematchJobs.publishOrMatchHere(graph, this::queue, "osv sync " + String.join(" ", sources),
                reason -> LOG.warning("the queue did not take the re-match jobs (" + reason + "): matching here"));
        return imported.summary();
    }

    @Override
    public synchronized void close() {
        if (queue != null) {
            queue.close();
        }
    }
}
