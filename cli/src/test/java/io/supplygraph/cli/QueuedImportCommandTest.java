package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.server.TestQueues;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osv import --queue} as a user runs it against the real NATS server and PostgreSQL: the advisories are
 * stored unmatched, their keys go out as re-match jobs, and {@code queue status --db} counts them until a worker runs
 * them. The workers themselves are the server module's tests (QueuedRematchTest).
 */
class QueuedImportCommandTest {

    @RegisterExtension
    final TestQueues queues = new TestQueues();

    @TempDir
    Path tmp;

    @Test
    void anImportStoresItsAdvisoriesAndQueuesTheirMatchingWhichQueueStatusCounts() throws IOException {
        QueueOptions fresh = queues.fresh(Duration.ofSeconds(30));
        String nats = fresh.location();
        String queueName = fresh.name();
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
        JsonNode counts = new ObjectMapper().readTree(status.out());
        assertThat(counts.path("pending").asLong()).as(status.out()).isEqualTo(1);
        assertThat(counts.path("rematch").path("in_jobs").asLong()).as(status.out()).isEqualTo(1);
        assertThat(counts.path("rematch").path("unpublished").asLong()).isZero();
        assertThat(text.out()).contains("re-matching: 1 match keys in jobs not run yet, 0 waiting for a job");
        assertThat(new ObjectMapper().readTree(vulns.out())).as("matching waits for a worker").isEmpty();
    }
}
