package io.supplygraph.server.queue;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.server.upload.BatchOutcome;
import io.supplygraph.server.upload.Spool;
import io.supplygraph.store.Dialect;
import io.supplygraph.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code supplygraph worker}: takes jobs from the queue one at a time, ingests their documents into the shared
 * PostgreSQL graph with the same pipeline as {@code ingest} (or, for a re-match job, matches the advisories an
 * import stored under its match keys), records the result where {@code GET /api/v1/jobs/{id}}
 * finds it, and only then acknowledges. A worker that dies before its acknowledgement leaves the job to be delivered
 * again after the ack wait; ingest is idempotent by digest, so the second delivery stores nothing twice.
 *
 * <p>Advisories a worker stores are not matched in its transaction: their match keys wait in the graph, and the
 * worker publishes them as re-match jobs that every worker shares. When idle it also publishes, now and then, the
 * keys that a process killed between storing advisories and publishing left waiting.
 *
 * <p>Two kinds of failure are told apart. The database not answering is no fault of the job: the worker keeps it,
 * tells NATS it is still working on it, and tries again with a growing pause, so a database restart costs no
 * attempts. Anything else (the documents' bytes gone, a message that is no job) is an attempt that failed: the job
 * goes back for another worker, and after the last attempt to the dead-letter stream with its reason.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    /** How often an idle worker looks for match keys that wait without a re-match job. */
    private static final Duration SWEEP = Duration.ofSeconds(30);
    /** What a job's kind is called when its message is not a job at all. */
    private static final String UNREADABLE = "unreadable";

    private final JobQueue queue;
    private final Supplygraph graph;
    private final String name;
    private final WorkerRegistry registry;
    private final ObjectMapper json = Json.mapper();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "supplygraph-worker-timers");
        t.setDaemon(true);
        return t;
    });
    private final String started = Instant.now().toString();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile WorkerStatus.State state = WorkerStatus.State.IDLE;
    private volatile String current;
    private Instant nextSweep = Instant.EPOCH;

    public Worker(JobQueue queue, Supplygraph graph, String name) {
        this.queue = queue;
        this.graph = graph;
        this.name = name;
        this.registry = queue.workers();
        graph.leaveAdvisoryMatchingToQueue();
    }

    /**
     * Workers on several machines share one graph, which only a database server can give them: an SQLite file (a
     * JDBC URL of the store's, as {@code Supplygraph.location()} gives it) is refused with the reason.
     */
    public static void requireSharedDatabase(String location) {
        if (Dialect.of(location) != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("a queue needs the graph in PostgreSQL (--db jdbc:postgresql://HOST/DB"
                    + "?user=...), not " + location + ": an SQLite file cannot be shared by workers on several"
                    + " machines");
        }
    }

    /** Works until {@link #stop} (the job in hand is finished first). */
    public void run() {
        ScheduledFuture<?> heartbeat = timers.scheduleAtFixedRate(this::say, 0,
                WorkerRegistry.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            while (!stopping) {
                try {
                    Optional<Delivery> delivery = queue.next(POLL);
                    if (delivery.isPresent()) {
                        handle(delivery.get());
                    } else {
                        publishWaitingKeysNowAndThen();
                    }
                } catch (QueueException | IllegalStateException e) {
                    // NATS is away: the client reconnects on its own, and a job whose acknowledgement was lost
                    // comes again after the ack wait. Ask again after a pause.
                    LOG.warning(name + ": " + e.getMessage());
                    pause(FIRST_PAUSE);
                }
            }
        } finally {
            heartbeat.cancel(false);
            quietly(() -> registry.leave(name));
            finished.countDown();
        }
    }

    /** Asks {@link #run} to end after the job in hand, and waits up to {@code limit} for it. */
    public void stop(Duration limit) throws InterruptedException {
        stopping = true;
        finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(Delivery delivery) {
        QueuedJob job;
        try {
            job = delivery.job();
        } catch (IOException e) {
            failAttempt(delivery, null, "the message is not a job: " + e.getMessage());
            return;
        }
        if (delivery.attempt() > queue.options().attempts()) {
            deadLetter(delivery, job, "delivered " + (delivery.attempt() - 1) + " times, and each time the worker"
                    + " holding it stopped before it could report (killed, out of memory, or silent past the ack"
                    + " wait)");
            return;
        }
        current = job.id();
        state = WorkerStatus.State.WORKING;
        sayLater();
        long keepAlive = Math.max(200, queue.options().ackWait().toMillis() / 3);
        ScheduledFuture<?> alive = timers.scheduleAtFixedRate(delivery::stillWorking, keepAlive, keepAlive,
                TimeUnit.MILLISECONDS);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("supplygraph-job-");
            List<Path> files = download(delivery, job, folder);
            if (workWhileTheDatabaseAnswers(delivery, job, files)) {
                // The documents' removal waits for no one: the job is done once acknowledged.
                delivery.acknowledge(job, timers);
                done.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, name + ": job " + job.id() + " attempt " + delivery.attempt() + " failed", e);
            failAttempt(delivery, job, String.valueOf(e.getMessage()));
        } finally {
            alive.cancel(false);
            if (folder != null) {
                Spool.deleteTree(folder);
            }
            current = null;
            state = WorkerStatus.State.IDLE;
            sayLater();
        }
    }

    /** One try at a job's work: the result to record, or why the database failed it. */
    private record Outcome(Object result, String storeFailure) {}

    /**
     * A re-match job matches its keys; any other ingests its documents. Uploaded advisories are stored unmatched
     * (see the constructor), and their keys published as re-match jobs for all the workers to share.
     */
    private Outcome work(QueuedJob job, List<Path> files) {
        if (job.kind() == Jobs.Kind.REMATCH) {
            graph.rematch(job.keys(), job.id());
            return new Outcome(Map.of("keys", job.keys().size()), null);
        }
        BatchOutcome outcome = BatchOutcome.ingest(graph, job.kind(), files, job.releaseNaming());
        if (job.kind() == Jobs.Kind.ADVISORIES && outcome.storeFailure() == null) {
            return new Outcome(new AdvisoryOutcome(outcome, publishWaitingKeys().jobs()), null);
        }
        return new Outcome(outcome, outcome.storeFailure());
    }

    /** An advisory upload's result: what became of its documents, and the re-match jobs that match them. */
    record AdvisoryOutcome(@JsonUnwrapped BatchOutcome documents, List<String> rematchJobs) {}

    /**
     * Publishes re-match jobs for the match keys that wait without one: an advisory upload's, or those an importer
     * or worker left when it died between storing advisories and publishing. A queue that does not take them now
     * leaves them waiting, for the next try.
     */
    private RematchJobs.Published publishWaitingKeys() {
        try {
            return RematchJobs.publish(graph, queue, "re-match by worker " + name);
        } catch (QueueException e) {
            LOG.warning(name + ": re-match jobs not published, the keys wait for the next try: " + e.getMessage());
            return new RematchJobs.Published(List.of(), 0, false);
        }
    }

    /** When idle, at most every {@link #SWEEP}: the keys a process that died left are published within that. */
    private void publishWaitingKeysNowAndThen() {
        Instant now = Instant.now();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP);
        try {
            RematchJobs.Published published = publishWaitingKeys();
            if (!published.jobs().isEmpty()) {
                LOG.info(name + ": published " + published.jobs().size() + " re-match jobs for " + published.keys()
                        + " match keys that waited without one");
            }
        } catch (StoreException e) {
            LOG.warning(name + ": could not look for match keys waiting to be re-matched: " + e.getMessage());
        }
    }

    /**
     * Does the job's work and records the result, pausing and trying again for as long as the database fails;
     * false when the worker was stopped meanwhile and gave the job back.
     */
    private boolean workWhileTheDatabaseAnswers(Delivery delivery, QueuedJob job, List<Path> files) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            String failure;
            try {
                if (recordedDone(job)) {
                    return true;
                }
                graph.jobs().takenBy(job.id(), name);
                Outcome outcome = work(job, files);
                failure = outcome.storeFailure();
                if (failure == null) {
                    graph.jobs().finished(job.id(), Jobs.State.DONE, text(outcome.result()));
                    return true;
                }
            } catch (StoreException e) {
                failure = e.getMessage();
            }
            if (stopping) {
                delivery.giveBack(Duration.ZERO);
                return false;
            }
            state = WorkerStatus.State.WAITING_FOR_DATABASE;
            sayLater();
            LOG.warning(name + ": job " + job.id() + " waits " + pause.toSeconds() + " s for the database: "
                    + failure);
            pause(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            state = WorkerStatus.State.WORKING;
        }
    }

    /**
     * A worker that died between recording the result and acknowledging leaves a job that is done already: its
     * second delivery only needs acknowledging. Read through the reader pool, which replaces a connection the
     * database dropped; the writer's connection is reopened only by the writes that retry on it.
     */
    private boolean recordedDone(QueuedJob job) {
        try (Supplygraph reading = graph.reading()) {
            return reading.jobs().get(job.id()).state() == Jobs.State.DONE;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The job's documents, each under the name it was uploaded with (two of one name get a number in front). */
    private static List<Path> download(Delivery delivery, QueuedJob job, Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        int n = 0;
        for (QueuedJob.Document document : job.documents()) {
            Path target = folder.resolve(document.name());
            if (Files.exists(target)) {
                target = folder.resolve(++n + "-" + document.name());
            }
            delivery.download(document, target);
            files.add(target);
        }
        return files;
    }

    private void failAttempt(Delivery delivery, QueuedJob job, String reason) {
        if (delivery.attempt() >= queue.options().attempts()) {
            deadLetter(delivery, job, reason);
            return;
        }
        failed.incrementAndGet();
        // Later attempts wait longer, so that a fault that passes (a NATS node restarting) has time to.
        delivery.giveBack(FIRST_PAUSE.multipliedBy(delivery.attempt()));
    }

    private void deadLetter(Delivery delivery, QueuedJob job, String reason) {
        failed.incrementAndGet();
        String id = job == null ? "unknown" : job.id();
        LOG.warning(name + ": job " + id + " goes to the dead letters: " + reason);
        try {
            delivery.deadLetter(id, job == null ? UNREADABLE : job.kind().label(), reason);
        } catch (QueueException | IllegalStateException e) {
            // It comes back past its last attempt, and the worker that takes it dead-letters it again.
            LOG.warning(name + ": job " + id + " could not be dead-lettered, it is given back: " + e.getMessage());
            quietly(() -> delivery.giveBack(FIRST_PAUSE));
            return;
        }
        if (job != null) {
            quietly(() -> graph.jobs().finished(job.id(), Jobs.State.FAILED, text(Map.of("reason", reason,
                    "attempts", Math.min(delivery.attempt(), queue.options().attempts())))));
        }
    }

    /** Off the job's path: each word is a round trip to NATS, and a job is a few of them already. */
    private void sayLater() {
        timers.execute(this::say);
    }

    private void say() {
        quietly(() -> registry.say(new WorkerStatus(name, state, current, done.get(), failed.get(),
                graph.storeRetries(), started, Instant.now().toString())));
    }

    /** What only informs (the registry, a dead job's row) must not end the worker when it fails. */
    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.fine("ignored: " + e.getMessage());
        }
    }

    private String text(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job's result did not serialise", e);
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        timers.shutdownNow();
    }
}
