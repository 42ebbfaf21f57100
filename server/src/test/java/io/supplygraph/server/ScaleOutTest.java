package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.server.queue.QueueStatus;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out run: 1,000 SBOMs uploaded to one server with a queue, ingested by three workers in processes
 * of their own, one of which is killed with SIGKILL at a random moment three times while they work (and replaced).
 * Every SBOM must be stored exactly once with its components, the blast radius of a package planted in some of them
 * must be exactly those, and a document whose bytes are gone must end in the dead letters after three attempts
 * while the rest go on.
 */
class ScaleOutTest {

    private static final int DOCUMENTS = 1000;
    private static final int COMPONENTS = 20;
    private static final int WORKERS = 3;
    private static final int KILLS = 3;
    private static final int UPLOADERS = 4;
    private static final String MARKER = "pkg:maven/org.planted/marker@6.6.6";
    private static final Duration ACK_WAIT = Duration.ofSeconds(3);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(6);

    @RegisterExtension
    final Servers servers = new Servers();
    @RegisterExtension
    final TestQueues queues = new TestQueues();

    @TempDir
    Path tmp;

    @Test
    void aThousandUploadsThroughWorkersKilledThreeTimesAreStoredExactlyOnce() throws Exception {
        String database = TestStores.fresh(Kind.POSTGRESQL, tmp);
        QueueOptions queue = queues.fresh(ACK_WAIT);
        RunningServer server = servers.start(database, tmp.resolve("spool"), o -> o.withQueue(queue));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path logs = tmp.resolve("logs");

        Reply poisoned = server.upload("poisoned.cdx.json", TestBoms.generated("poisoned", 0, 5), server.writeToken);
        String poisonedId = poisoned.body().path("id").asText();
        TestQueues.loseTheBytes(queue, poisonedId);

        List<String> boms = IntStream.range(0, DOCUMENTS).mapToObj(ScaleOutTest::bom).toList();
        List<WorkerProcess> workers = new ArrayList<>();
        Map<Integer, String> jobs = new ConcurrentHashMap<>();
        List<Integer> storedAtKills = new ArrayList<>();
        try {
            for (int w = 0; w < WORKERS; w++) {
                workers.add(WorkerProcess.start("worker-" + w, database, queue, logs));
            }
            ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
            List<Future<?>> uploads = new ArrayList<>();
            for (int u = 0; u < UPLOADERS; u++) {
                int first = u;
                uploads.add(uploaders.submit(() -> {
                    for (int i = first; i < DOCUMENTS; i += UPLOADERS) {
                        Reply reply = server.upload("app-" + i + ".cdx.json", boms.get(i), server.writeToken);
                        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
                        jobs.put(i, reply.body().path("id").asText());
                    }
                    return null;
                }));
            }
            try (Supplygraph graph = Supplygraph.open(database)) {
                for (int kill = 0; kill < KILLS; kill++) {
                    Thread.sleep(1500 + random.nextInt(4000));
                    int victim = random.nextInt(WORKERS);
                    workers.get(victim).kill();
                    storedAtKills.add(graph.ingestedDocuments().size());
                    workers.set(victim, WorkerProcess.start("worker-" + victim + "-after-kill-" + kill, database,
                            queue, logs));
                }
                for (Future<?> upload : uploads) {
                    upload.get();
                }
                uploaders.shutdown();
                assertThat(storedAtKills).as("every kill came while documents were still to store (seed %d)", seed)
                        .allMatch(stored -> stored < DOCUMENTS);
                awaitEveryJob(graph, jobs.values());

                List<Document> documents = graph.ingestedDocuments();
                assertThat(documents).hasSize(DOCUMENTS);
                Map<String, Document> byDigest = documents.stream()
                        .collect(Collectors.toMap(Document::digest, d -> d));
                for (int i = 0; i < DOCUMENTS; i++) {
                    Document stored = byDigest.get(TestBoms.digest(boms.get(i)));
                    assertThat(stored).as("app-%d is stored", i).isNotNull();
                    assertThat(stored.components()).as("components of app-%d", i).isEqualTo(components(i));
                    assertThat(graph.jobs().get(jobs.get(i)).state()).isEqualTo(Jobs.State.DONE);
                }
                Set<String> planted = IntStream.range(0, DOCUMENTS).filter(ScaleOutTest::planted)
                        .mapToObj(ScaleOutTest::subject).collect(Collectors.toSet());
                assertThat(graph.dependents(MARKER).stream().map(Application::subject).toList())
                        .containsExactlyInAnyOrderElementsOf(planted);
                assertThat(graph.jobs().get(poisonedId).state()).isEqualTo(Jobs.State.FAILED);
            }
            try (JobQueue jobQueue = JobQueue.connect(queue, "test")) {
                QueueStatus status = jobQueue.status();
                assertThat(status.pending() + status.inProgress()).isZero();
                assertThat(status.deadLetters()).singleElement().satisfies(dead -> {
                    assertThat(dead.job()).isEqualTo(poisonedId);
                    assertThat(dead.attempts()).isEqualTo(3);
                });
            }
        } finally {
            workers.forEach(WorkerProcess::close);
        }
    }

    /** Waits until every job is done or failed, or fails the test after {@link #RUN_LIMIT}. */
    private static void awaitEveryJob(Supplygraph graph, java.util.Collection<String> ids)
            throws InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        List<String> open = new ArrayList<>(ids);
        while (!open.isEmpty()) {
            open.removeIf(id -> graph.jobs().get(id).finished() != null);
            if (System.nanoTime() > deadline) {
                throw new AssertionError(open.size() + " jobs unfinished after " + RUN_LIMIT);
            }
            Thread.sleep(500);
        }
    }

    private static boolean planted(int index) {
        return index % 10 == 3;
    }

    private static String subject(int index) {
        return "pkg:generic/acme/scale-" + index + "@1.0";
    }

    /** The {@code index}th SBOM: {@value #COMPONENTS} shared libraries, and the marker in every tenth. */
    private static String bom(int index) {
        List<String> libraries = new ArrayList<>(TestBoms.libraries(index, COMPONENTS));
        if (planted(index)) {
            libraries.add(MARKER);
        }
        return TestBoms.application(subject(index)).depends(subject(index), libraries.toArray(String[]::new)).json();
    }

    private static int components(int index) {
        return COMPONENTS + (planted(index) ? 1 : 0);
    }
}
