package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vulns.RematchBacklog;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.server.queue.QueueStatus;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with a queue: every upload is a job on NATS JetStream, answered 202 once NATS has the bytes and the job,
 * and ingested by a worker, which records the result where the job's URL shows it. Workers here run on threads;
 * {@link ScaleOutTest} runs them as processes and kills them.
 */
class QueuedUploadsTest {

    private static final Duration ACK_WAIT = Duration.ofSeconds(2);

    @RegisterExtension
    final Servers servers = new Servers();
    @RegisterExtension
    final TestQueues queues = new TestQueues();

    @TempDir
    Path tmp;

    @Test
    void anOsvSyncOnAQueuedServerLeavesItsMatchingToReMatchJobsThatAWorkerRuns() throws Exception {
        String database = graphWithLog4jInAnApplication();
        byte[] export = TestBoms.zip(Map.of("TEST-2021-0001.json", TestBoms.osvMaven("TEST-2021-0001",
                "org.apache.logging.log4j:log4j-core", "2.0", "2.15.0", ServerApiTest.CRITICAL)));
        QueueOptions queue = queues.fresh(ACK_WAIT);
        try (OsvMirror osv = OsvMirror.serving("Maven", export)) {
            RunningServer server = servers.start(database, tmp.resolve("spool"),
                    o -> o.withQueue(queue).withOsv(osv.source(tmp.resolve("osv-cache"))));
            Reply accepted = server.send(HttpRequest.newBuilder(server.uri("/api/v1/advisories/sync?ecosystem=Maven"))
                    .POST(HttpRequest.BodyPublishers.noBody()), server.writeToken);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            JsonNode job = server.awaitJob(accepted.body().path("id").asText());
            assertThat(job.path("result").get(0).path("imported").asInt()).as(job.toString()).isEqualTo(1);
            assertThat(server.get("/api/v1/vulns").body().path("items")).as("stored, not yet matched").isEmpty();

            try (ThreadWorker worker = new ThreadWorker(database, queue, "worker-1")) {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
                JsonNode findings = server.get("/api/v1/vulns").body().path("items");
                while (findings.isEmpty() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                    findings = server.get("/api/v1/vulns").body().path("items");
                }
                assertThat(findings).as("the worker's re-match job found it").singleElement()
                        .satisfies(f -> assertThat(f.path("id").asText()).isEqualTo("TEST-2021-0001"));
            }
        }
    }

    @Test
    void anAdvisoryUploadOnAQueuedServerIsStoredByAWorkerAndMatchedByTheReMatchJobItPublishes() throws Exception {
        String database = graphWithLog4jInAnApplication();
        QueueOptions queue = queues.fresh(ACK_WAIT);
        RunningServer server = servers.start(database, tmp.resolve("spool"), o -> o.withQueue(queue));
        Reply accepted = server.send(HttpRequest.newBuilder(server.uri("/api/v1/advisories?name=TEST-2021-0001.json"))
                .POST(HttpRequest.BodyPublishers.ofString(TestBoms.osvMaven("TEST-2021-0001",
                        "org.apache.logging.log4j:log4j-core", "2.0", "2.15.0", ServerApiTest.CRITICAL))),
                server.writeToken);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);

        try (ThreadWorker worker = new ThreadWorker(database, queue, "worker-1")) {
            JsonNode job = server.awaitJob(accepted.body().path("id").asText());
            assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
            assertThat(job.path("result").path("ingested").asInt()).as(job.toString()).isEqualTo(1);
            JsonNode rematchJobs = job.path("result").path("rematch_jobs");
            assertThat(rematchJobs).as(job.toString()).hasSize(1);

            JsonNode rematch = server.awaitJob(rematchJobs.get(0).asText());
            assertThat(rematch.path("kind").asText()).isEqualTo("rematch");
            assertThat(rematch.path("result").path("keys").asInt()).as(rematch.toString()).isEqualTo(1);
            assertThat(server.get("/api/v1/vulns").body().path("items")).singleElement()
                    .satisfies(f -> assertThat(f.path("id").asText()).isEqualTo("TEST-2021-0001"));
        }
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.rematchBacklog()).as("nothing waits").isEqualTo(new RematchBacklog(0, 0));
        }
    }

    @Test
    void anUploadIsAJobThatAWorkerIngestsAndARepeatedUploadIsAlreadyIngested() throws Exception {
        String database = TestStores.fresh(Kind.POSTGRESQL, tmp);
        QueueOptions queue = queues.fresh(ACK_WAIT);
        RunningServer server = servers.start(database, tmp.resolve("spool"), o -> o.withQueue(queue));
        String bom = TestBoms.generated("queued", 1, 12);

        Reply accepted = server.upload("app.cdx.json", bom, server.writeToken);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.body().path("state").asText()).isEqualTo("queued");
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.documents()).as("nothing is ingested before a worker takes the job").isEmpty();
        }

        try (ThreadWorker worker = new ThreadWorker(database, queue, "worker-1")) {
            JsonNode job = server.awaitJob(accepted.body().path("id").asText());
            assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
            assertThat(job.path("result").path("ingested").asInt()).isEqualTo(1);
            assertThat(job.path("result").path("documents").get(0).path("source").asText()).isEqualTo("app.cdx.json");

            Reply again = server.upload("again.cdx.json", bom, server.writeToken);
            JsonNode second = server.awaitJob(again.body().path("id").asText());
            assertThat(second.path("result").path("already_ingested").asInt()).as(second.toString()).isEqualTo(1);

            try (JobQueue jobs = JobQueue.connect(queue, "test")) {
                QueueStatus status = jobs.status();
                assertThat(status.pending() + status.inProgress() + status.failed()).isZero();
                assertThat(status.workers()).singleElement().satisfies(w -> {
                    assertThat(w.name()).isEqualTo("worker-1");
                    assertThat(w.done()).isEqualTo(2);
                });
            }
        }
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.documents()).singleElement()
                    .satisfies(d -> assertThat(d.digest()).isEqualTo(TestBoms.digest(bom)));
        }
    }

    @Test
    void anUploadIsRefused503WhileNatsDoesNotAnswer() throws Exception {
        String database = TestStores.fresh(Kind.POSTGRESQL, tmp);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RunningServer server = servers.start(database, tmp.resolve("spool"),
                o -> o.withQueue(QueueOptions.at("nats://127.0.0.1:" + closedPort)));

        Reply refused = server.upload("app.cdx.json", TestBoms.generated("refused", 1, 5), server.writeToken);

        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.text()).contains("queue");
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.documents()).isEmpty();
        }
    }

    @Test
    void aServerOnAnSqliteFileRefusesAQueue() {
        String sqlite = TestStores.fresh(Kind.SQLITE, tmp);
        ServerOptions options = ServerOptions.defaults(sqlite, tmp.resolve("spool")).withPort(0)
                .withQueue(QueueOptions.at("nats://127.0.0.1:4222"));

        assertThatThrownBy(() -> Server.start(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL").hasMessageContaining("SQLite");
    }

    /** A fresh PostgreSQL graph of one application that depends on log4j-core 2.14.1 (ServerApiTest.OLD). */
    private String graphWithLog4jInAnApplication() throws Exception {
        String database = TestStores.fresh(Kind.POSTGRESQL, tmp);
        Path app = tmp.resolve("app.cdx.json");
        Files.writeString(app, TestBoms.application(ServerApiTest.APP_A)
                .depends(ServerApiTest.APP_A, ServerApiTest.OLD).json());
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.ingest(List.of(app.toString()), InputStream.nullInputStream(), new IngestListener() {})
                    .allAccepted()).isTrue();
        }
        return database;
    }

    /** A server with a queue, and an upload whose bytes are gone from the object store: every attempt fails. */
    private record Poisoned(String database, QueueOptions queue, RunningServer server, String job) {}

    private Poisoned poisonedUpload() throws Exception {
        String database = TestStores.fresh(Kind.POSTGRESQL, tmp);
        QueueOptions queue = queues.fresh(ACK_WAIT);
        RunningServer server = servers.start(database, tmp.resolve("spool"), o -> o.withQueue(queue));
        Reply poisoned = server.upload("poisoned.cdx.json", TestBoms.generated("poisoned", 1, 5), server.writeToken);
        String job = poisoned.body().path("id").asText();
        TestQueues.loseTheBytes(queue, job);
        return new Poisoned(database, queue, server, job);
    }

    @Test
    void aJobThatFailsEveryAttemptIsDeadLetteredWithItsReasonAndRetryQueuesItAgain() throws Exception {
        Poisoned poisoned = poisonedUpload();
        RunningServer server = poisoned.server();

        try (ThreadWorker worker = new ThreadWorker(poisoned.database(), poisoned.queue(), "worker-1")) {
            JsonNode failed = server.awaitJob(poisoned.job());
            assertThat(failed.path("state").asText()).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.path("result").path("attempts").asInt()).isEqualTo(3);

            Reply good = server.upload("good.cdx.json", TestBoms.generated("good", 1, 5), server.writeToken);
            assertThat(server.awaitJob(good.body().path("id").asText()).path("state").asText())
                    .as("the rest go on").isEqualTo("done");
        }

        try (JobQueue jobs = JobQueue.connect(poisoned.queue(), "test")) {
            QueueStatus status = jobs.status();
            assertThat(status.failed()).isEqualTo(1);
            assertThat(status.deadLetters()).singleElement().satisfies(dead -> {
                assertThat(dead.job()).isEqualTo(poisoned.job());
                assertThat(dead.attempts()).isEqualTo(3);
                assertThat(dead.source()).isEqualTo("poisoned.cdx.json");
                assertThat(dead.reason()).contains("not in the object store");
            });

            assertThat(jobs.retry(Optional.of(poisoned.job()))).containsExactly(poisoned.job());
            QueueStatus after = jobs.status();
            assertThat(after.failed()).isZero();
            assertThat(after.pending()).as("queued again, for a worker to take").isEqualTo(1);
        }
    }

    /**
     * A job that cannot be dead-lettered on its last attempt (NATS refused the dead letter) must not stay in the
     * work queue for ever, neither delivered nor dead: it comes back, and is dead-lettered once the stream takes it.
     */
    @Test
    void aJobWhoseDeadLetteringFailsComesBackAndIsDeadLetteredOnceWhenTheStreamTakesIt() throws Exception {
        Poisoned poisoned = poisonedUpload();
        RunningServer server = poisoned.server();

        try (ThreadWorker worker = new ThreadWorker(poisoned.database(), poisoned.queue(), "worker-1")) {
            TestQueues.dropTheDeadLetterStream(poisoned.queue());
            int pastTheLastAttempt = QueueOptions.DEFAULT_ATTEMPTS + 2;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (TestQueues.deliveries(poisoned.queue()) < pastTheLastAttempt && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(TestQueues.deliveries(poisoned.queue())).as("delivered again after the failed dead-lettering")
                    .isGreaterThanOrEqualTo(pastTheLastAttempt);
            assertThat(server.get("/api/v1/jobs/" + poisoned.job(), server.readToken).body().path("state").asText())
                    .as("not failed while its dead letter is not kept").isNotEqualTo("failed");
            JobQueue.connect(poisoned.queue(), "test").close(); // declares the dead-letter stream again

            JsonNode failed = server.awaitJob(poisoned.job());
            assertThat(failed.path("state").asText()).as(failed.toString()).isEqualTo("failed");
        }
        try (JobQueue jobs = JobQueue.connect(poisoned.queue(), "test")) {
            QueueStatus status = jobs.status();
            assertThat(status.pending() + status.inProgress()).as("gone from the work queue").isZero();
            assertThat(status.deadLetters()).singleElement()
                    .satisfies(dead -> assertThat(dead.job()).isEqualTo(poisoned.job()));
        }
    }

    @Test
    void aWorkerHoldsItsJobWhileTheDatabaseIsAwayAndFinishesItWithoutARedelivery() throws Exception {
        String database = TestStores.fresh(Kind.POSTGRESQL, tmp);
        QueueOptions queue = queues.fresh(ACK_WAIT);
        RunningServer server = servers.start(database, tmp.resolve("spool"), o -> o.withQueue(queue));
        Matcher hostAndPort = Pattern.compile("//([^:/]+):(\\d+)/").matcher(database);
        assertThat(hostAndPort.find()).as(database).isTrue();
        try (CuttableProxy proxy = new CuttableProxy(hostAndPort.group(1), Integer.parseInt(hostAndPort.group(2)));
                ThreadWorker worker = new ThreadWorker(hostAndPort.replaceFirst("//127.0.0.1:" + proxy.port() + "/"),
                        queue, "worker-behind-proxy")) {
            proxy.cut();
            Reply accepted = server.upload("app.cdx.json", TestBoms.generated("outage", 1, 8), server.writeToken);
            String id = accepted.body().path("id").asText();
            Thread.sleep(ACK_WAIT.multipliedBy(3).toMillis());
            try (JobQueue jobs = JobQueue.connect(queue, "test")) {
                QueueStatus during = jobs.status();
                assertThat(during.inProgress()).as("the worker holds the job").isEqualTo(1);
                assertThat(during.redelivered()).as("past the ack wait, yet not given to anyone else").isZero();
            }
            assertThat(server.get("/api/v1/jobs/" + id, server.readToken).body().path("finished").isNull()).isTrue();

            proxy.restore();
            JsonNode job = server.awaitJob(id);
            assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
            assertThat(job.path("result").path("ingested").asInt()).isEqualTo(1);
        }
    }
}
