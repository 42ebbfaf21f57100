package io.supplygraph.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Queues on the real NATS server named by {@code SUPPLYGRAPH_TEST_NATS} ({@code .ci/run} sets it, and makes sure
 * NATS answers), else on {@code nats://127.0.0.1:4222} when something answers there. Each queue has a name of its
 * own, so tests never see each other's jobs, and its streams and buckets are deleted when the test ends. Without
 * the variable and without a NATS server, the test skips, saying why; with the variable, a NATS that does not answer
 * fails it. Shared with the CLI's tests through the server's test jar.
 */
public final class TestQueues implements AfterEachCallback {

    static final String VARIABLE = "SUPPLYGRAPH_TEST_NATS";
    private static final String LOCAL = "nats://127.0.0.1:4222";

    private final List<QueueOptions> created = new ArrayList<>();

    /** A queue of its own, with {@code ackWait} so short that a killed worker's job comes back within the test. */
    public QueueOptions fresh(Duration ackWait) {
        String url = System.getenv(VARIABLE);
        boolean required = url != null && !url.isBlank();
        String server = required ? url : LOCAL;
        if (!answers(server)) {
            if (required) {
                throw new AssertionError(VARIABLE + " names " + server + ", but no NATS server answers there");
            }
            assumeTrue(false, "queue tests skipped: no NATS server answers at " + LOCAL + "; start one with"
                    + " `nats-server -js` or set " + VARIABLE);
        }
        QueueOptions queue = QueueOptions.at(server).withName("sgtest_" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 12)).withAckWait(ackWait);
        created.add(queue);
        return queue;
    }

    /**
     * Removes the bytes of a job's one document from the object store: every attempt at the job then fails alike,
     * as a poisoned document does.
     */
    static void loseTheBytes(QueueOptions queue, String jobId) throws Exception {
        try (Connection c = Nats.connect(queue.servers().get(0))) {
            c.objectStore(upper(queue) + "_DOCUMENTS").delete(jobId + "/0");
        }
    }

    /** Deletes the queue's dead-letter stream: dead-lettering then fails until a connection declares it again. */
    static void dropTheDeadLetterStream(QueueOptions queue) throws Exception {
        try (Connection c = Nats.connect(queue.servers().get(0))) {
            c.jetStreamManagement().deleteStream(upper(queue) + "_DEAD");
        }
    }

    /** How many times the workers' consumer has delivered a job, the deliveries again included. */
    static long deliveries(QueueOptions queue) throws Exception {
        try (Connection c = Nats.connect(queue.servers().get(0))) {
            return c.jetStreamManagement().getConsumerInfo(upper(queue) + "_JOBS", "workers").getDelivered()
                    .getConsumerSequence();
        }
    }

    private static String upper(QueueOptions queue) {
        return queue.name().toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean answers(String server) {
        try (Connection c = Nats.connect(new Options.Builder().server(server)
                .connectionTimeout(Duration.ofSeconds(2)).maxReconnects(0).build())) {
            return c.getStatus() == Connection.Status.CONNECTED;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (QueueOptions queue : created) {
            try (JobQueue jobs = JobQueue.connect(queue, "test cleanup")) {
                jobs.delete();
            }
        }
        created.clear();
    }
}
