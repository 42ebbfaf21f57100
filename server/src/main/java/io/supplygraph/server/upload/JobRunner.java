package io.supplygraph.server.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.jobs.Jobs.Job;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.ingest.ReleaseNaming;
import io.supplygraph.ingest.osv.OsvSync;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.ServerOptions;
import io.supplygraph.server.http.ApiProblem;
import io.supplygraph.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the jobs of batch uploads, one at a time (they write, and the graph has one writer), from their spooled
 * files. A job's spool folder is removed only once its result is recorded, so a job cut short by a crash runs
 * again when the server starts: ingest is idempotent by digest, so what it stored before is "already ingested".
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final long RETRY_SECONDS = 30;

    private final GraphAccess graph;
    private final Spool spool;
    private final ObjectMapper json;
    private final UploadMetrics metrics;
    private final ThreadPoolExecutor executor;
    private final ServerOptions.OsvSource osv;
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(daemon("supplygraph-job-retries"));
    /** Who imports what an OSV sync job downloads; set once the server's dispatch exists, before any job runs. */
    private volatile JobDispatch advisories;

    public JobRunner(GraphAccess graph, Spool spool, ObjectMapper json, UploadMetrics metrics, int maxQueued,
            ServerOptions.OsvSource osv) {
        this.graph = graph;
        this.osv = osv;
        this.spool = spool;
        this.json = json;
        this.metrics = metrics;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(maxQueued),
                daemon("supplygraph-jobs"));
    }

    /** Threads that do not keep a stopping JVM alive: what they leave undone stays spooled for the next start. */
    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The dispatch whose way of importing advisories OSV sync jobs take: matched here, or left to re-match jobs on
     * the queue. Set before {@link #resume}: the dispatch needs this runner, so it cannot be given to the constructor.
     */
    public void importAdvisoriesThrough(JobDispatch dispatch) {
        this.advisories = dispatch;
    }

    /** Jobs left unfinished in this server's spool by an earlier run, queued again. */
    public void resume() {
        for (Job job : graph.read(g -> g.jobs().unfinished())) {
            if (spool.jobFiles(job.id()).isPresent()) {
                submit(job);
            }
        }
    }

    public void submit(Job job) {
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            throw ApiProblem.unavailable("the server has " + executor.getQueue().size()
                    + " jobs queued already; send again after the pause Retry-After gives", 5);
        }
    }

    private static final String SYNC_PREFIX = "osv sync: ";
    private static final String EVERY_ECOSYSTEM = "every ecosystem";

    /** Records and queues an OSV sync of {@code ecosystems} (every one the source lists when empty). */
    Job queueSync(List<String> ecosystems) {
        Job job = graph.write(g -> g.jobs().create(Jobs.Kind.SYNC,
                SYNC_PREFIX + (ecosystems.isEmpty() ? EVERY_ECOSYSTEM : String.join(", ", ecosystems))));
        submit(job);
        return job;
    }

    /** A job whose documents were ingested already, while its request waited: recorded done at once. */
    Job recordDone(Jobs.Kind kind, String source, List<IngestOutcome> documents) {
        Job job = graph.write(g -> g.jobs().create(kind, source));
        finish(job, Jobs.State.DONE, BatchOutcome.of(documents, null));
        return graph.read(g -> g.jobs().get(job.id()));
    }

    public int queued() {
        return executor.getQueue().size() + executor.getActiveCount();
    }

    private void run(Job job) {
        List<Path> files = spool.jobFiles(job.id()).orElse(List.of());
        try {
            graph.write(g -> {
                g.jobs().running(job.id());
                return null;
            });
            if (job.kind() == Jobs.Kind.SYNC) {
                finish(job, Jobs.State.DONE, sync(job.source()));
                return;
            }
            BatchOutcome result = ingest(job.kind(), files, spool.jobNaming(job.id()));
            if (result.storeFailure() != null) {
                retryLater(job, result.storeFailure());
                return;
            }
            finish(job, Jobs.State.DONE, result);
            spool.discardJob(job.id());
        } catch (StoreException e) {
            retryLater(job, e.getMessage());
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "job " + job.id() + " failed", e);
            finish(job, Jobs.State.FAILED, Map.of("reason", String.valueOf(e.getMessage())));
            spool.discardJob(job.id());
        }
    }

    /**
     * The database failed, not the documents: the job stays queued with its spool and runs again after a pause,
     * so that a 202 keeps its promise through a database restart.
     */
    private void retryLater(Job job, String reason) {
        LOG.warning("job " + job.id() + " waits for the database: " + reason);
        retries.schedule(() -> submit(job), RETRY_SECONDS, TimeUnit.SECONDS);
    }

    /** What an OSV sync did per ecosystem: {@code osv sync --json}'s fields, without each record's outcome. */
    record Synced(String ecosystem, boolean downloaded, Integer imported, Integer alreadyImported, Integer skipped,
            Integer rejected, Integer notAttempted, String storeFailure) {}

    /**
     * An OSV sync of the ecosystems the job names (all the source lists when none). Its downloads are cached, so a
     * sync cut short by a restart is simply asked for again; the job is not resumed.
     */
    private List<Synced> sync(String source) throws IOException {
        String ecosystems = source.substring(SYNC_PREFIX.length());
        List<String> names = ecosystems.equals(EVERY_ECOSYSTEM) ? List.of() : List.of(ecosystems.split(", "));
        OsvSync sync = new OsvSync(osv.base(), osv.cache());
        return sync.sync(names, (e, done, total) -> { }, fetched -> graph.ingest(g -> advisories.importAdvisories(g,
                        List.of(fetched.zip().toString()), new Outcomes())))
                .stream()
                .map(s -> s.summary() == null ? new Synced(s.ecosystem(), false, null, null, null, null, null, null)
                        : new Synced(s.ecosystem(), true, s.summary().stored(), s.summary().alreadyStored(),
                                s.summary().skipped(), s.summary().rejected(), s.summary().notAttempted().size(),
                                s.summary().storeFailure()))
                .toList();
    }

    private BatchOutcome ingest(Jobs.Kind kind, List<Path> files, ReleaseNaming naming) {
        BatchOutcome outcome = graph.ingest(g -> BatchOutcome.ingest(g, kind, files, naming));
        metrics.record(outcome.documents());
        return outcome;
    }

    private void finish(Job job, Jobs.State state, Object result) {
        String text;
        try {
            text = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job's result did not serialise", e);
        }
        graph.write(g -> {
            g.jobs().finished(job.id(), state, text);
            return null;
        });
    }


    /** Lets the running job finish, within {@code seconds}; queued jobs stay spooled for the next start. */
    public void drain(long seconds) throws InterruptedException {
        retries.shutdownNow();
        executor.getQueue().clear();
        executor.shutdown();
        executor.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        retries.shutdownNow();
        executor.shutdownNow();
    }
}
