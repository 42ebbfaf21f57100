package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osv import --queue} as a user runs it against the real NATS server and PostgreSQL: the advisories are
 * stored unmatched, their keys go out as re-match jobs, and {@code queue status --db} counts them until a worker runs
 * them. The workers themselves are the server module's tests (QueuedRematchTest).
 */
class QueuedImportCommandTest {

    private static final String NATS_VARIABLE = "SUPPLYGRAPH_TEST_NATS";

    @TempDir
    Path tmp;

    private String nats;
    private String queueName;

    @AfterEach
    void deleteTheQueue() {
        if (queueName != null) {
            try (JobQueue queue = JobQueue.connect(QueueOptions.at(nats).withName(queueName), "test cleanup")) {
                queue.delete();
            }
        }
    }

    @Test
    void anImportStoresItsAdvisoriesAndQueuesTheirMatchingWhichQueueStatusCounts() throws IOException {
        nats = natsOrSkip();
        queueName = "sgtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String db = TestStores.fresh(Kind.POSTGRESQL, tmp);
        Path sbom = tmp.resolve("app.cdx.json");
        Files.writeString(sbom, """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "metadata": {"component": {"type": "application", "name": "app", "version": "1.0",
                   "bom-ref": "app", "purl": "pkg:generic/acme/app@1.0"}},
                 "components": [{"type": "library", "name": "left-pad", "version": "1.0.0", "bom-ref": "lp",
                   "purl": "pkg:npm/left-pad@1.0.0"}],
                 "dependencies": [{"ref": "app", "dependsOn": ["lp"]}]}
                """);
        Path advisory = tmp.resolve("GHSA-test-0001.json");
        Files.writeString(advisory, """
                {"id": "GHSA-test-0001", "modified": "2026-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.3.0"}]}]}]}
                """);
        assertThat(CliRun.of("ingest", "--db", db, sbom.toString()).exit()).isZero();

        CliRun imported = CliRun.of("osv", "import", "--db", db, "--queue", nats, "--queue-name", queueName,
                advisory.toString());
        CliRun status = CliRun.of("queue", "status", "--json", "--queue", nats, "--queue-name", queueName,
                "--db", db);
        CliRun text = CliRun.of("queue", "status", "--queue", nats, "--queue-name", queueName, "--db", db);
        CliRun vulns = CliRun.of("vulns", "--json", "--db", db);

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("1 match keys queued for re-matching in 1 jobs");
        JsonNode queue = new ObjectMapper().readTree(status.out());
        assertThat(queue.path("pending").asLong()).as(status.out()).isEqualTo(1);
        assertThat(queue.path("rematch").path("in_jobs").asLong()).as(status.out()).isEqualTo(1);
        assertThat(queue.path("rematch").path("unpublished").asLong()).isZero();
        assertThat(text.out()).contains("re-matching: 1 match keys in jobs not run yet, 0 waiting for a job");
        assertThat(new ObjectMapper().readTree(vulns.out())).as("matching waits for a worker").isEmpty();
    }

    private static String natsOrSkip() {
        String url = System.getenv(NATS_VARIABLE);
        boolean required = url != null && !url.isBlank();
        String server = required ? url : "nats://127.0.0.1:4222";
        try (Connection c = Nats.connect(new Options.Builder().server(server)
                .connectionTimeout(Duration.ofSeconds(2)).maxReconnects(0).build())) {
            return server;
        } catch (IOException e) {
            assertThat(required).as(NATS_VARIABLE + " names " + server + ", but no NATS server answers there")
                    .isFalse();
            assumeTrue(false, "queued import test skipped: no NATS server answers at " + server);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
