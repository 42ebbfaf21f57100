package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the queue's commands refuse before they reach NATS: the server's tests (QueuedUploadsTest, ScaleOutTest) run
 * the queue itself.
 */
class QueueCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void aWorkerOnAnSqliteGraphIsAUsageErrorThatNamesPostgresql() {
        Path db = tmp.resolve("graph.db");
        assertThat(CliRun.of("demo", "--db", db.toString()).exit()).isZero();

        CliRun run = CliRun.against(db, "worker", "--queue", "nats://127.0.0.1:4222");

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("PostgreSQL").contains("SQLite");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void queueStatusWithoutAQueueIsAUsageError() {
        CliRun run = CliRun.of("queue", "status");

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("--queue is missing");
    }

    @Test
    void aQueueUrlOfAnotherSchemeIsAUsageError() {
        CliRun run = CliRun.of("queue", "status", "--queue", "http://127.0.0.1:4222");

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("nats://");
    }

    @Test
    void aQueueOnAnUnknownHostIsAFailureThatSaysSo() {
        CliRun run = CliRun.of("queue", "status", "--queue", "nats://no-such-host.invalid:4222");

        assertThat(run.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err().lines().toList()).singleElement().isEqualTo("supplygraph status: connecting to the queue"
                + " at nats://no-such-host.invalid:4222 failed: unknown host no-such-host.invalid");
    }

    @Test
    void aQueueThatDoesNotAnswerIsAFailure() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        CliRun run = CliRun.of("queue", "status", "--queue", "nats://127.0.0.1:" + closed);

        assertThat(run.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err().lines().toList()).singleElement().isEqualTo("supplygraph status: connecting to the queue"
                + " at nats://127.0.0.1:" + closed + " failed: Connection refused");
    }
}
