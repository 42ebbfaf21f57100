package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.vulns.RematchBacklog;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.server.queue.RematchJobs;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An advisory import whose matching is split by match key into re-match jobs that two workers share must end with
 * the findings an import that matches in its own transaction gives: the same corpus advisories and SBOMs, in two
 * fresh PostgreSQL graphs, one each way. Half the advisories come from an importer that publishes its jobs, half
 * from one killed after its advisories committed and before it published anything: an idle worker publishes those.
 */
class QueuedRematchTest {

    private static final Duration ACK_WAIT = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int COMPONENTS_PER_SBOM = 200;

    @RegisterExtension
    final TestQueues queues = new TestQueues();

    @TempDir
    Path tmp;

    @Test
    void reMatchJobsOnTwoWorkersFindWhatAnInProcessImportFindsEvenWhenAnImporterDiedBeforePublishing()
            throws Exception {
        List<String> published = List.of(Corpus.path("osv/pypa-advisory-database/vulns").toString());
        List<String> neverPublished = List.of(Corpus.path("osv/ghsa-sample").toString());
        List<String> advisories = new ArrayList<>(published);
        advisories.addAll(neverPublished);
        Path sboms = sbomsNamingTheAdvisoriesPackages(advisories);
        String queued = TestStores.fresh(Kind.POSTGRESQL, tmp);
        String inProcess = TestStores.fresh(Kind.POSTGRESQL, tmp);
        QueueOptions queue = queues.fresh(ACK_WAIT);

        Set<String> expected;
        try (Supplygraph graph = Supplygraph.open(inProcess)) {
            ingest(graph, sboms);
            graph.importAdvisoriesCountingFindings(advisories, InputStream.nullInputStream(), new IngestListener() {});
            expected = findings(graph);
        }
        assertThat(expected).as("the corpus advisories meet the SBOMs' packages").hasSizeGreaterThan(100);

        RematchJobs.Published jobs;
        try (Supplygraph graph = Supplygraph.open(queued); JobQueue queueing = JobQueue.connect(queue, "test")) {
            ingest(graph, sboms);
            graph.importAdvisoriesForRematch(published, InputStream.nullInputStream(), new IngestListener() {});
            assertThat(findings(graph)).as("stored, not matched, by the import itself").isEmpty();
            jobs = RematchJobs.publish(graph, queueing, "test import");
            assertThat(graph.rematchBacklog()).isEqualTo(new RematchBacklog(0, jobs.keys()));

            // The second importer dies here: its advisories are committed, its keys wait in the graph.
            graph.importAdvisoriesForRematch(neverPublished, InputStream.nullInputStream(), new IngestListener() {});
            assertThat(graph.rematchBacklog().unpublished()).as("the dead importer's keys wait").isPositive();
        }
        assertThat(jobs.jobs()).as("more keys than one job takes").hasSizeGreaterThan(1);

        Path logs = tmp.resolve("logs");
        Map<String, WorkerProcess> workers = new HashMap<>();
        try {
            for (String name : List.of("worker-1", "worker-2")) {
                workers.put(name, WorkerProcess.start(name, queued, queue, logs));
            }
            Jobs.Job killedIn = killTheWorkerOfARunningJob(queued, queue, workers, logs);
            awaitNothingWaits(queued);
            try (Supplygraph graph = Supplygraph.open(queued)) {
                assertThat(graph.jobs().get(killedIn.id()).worker()).as("done again by a worker alive")
                        .isNotEqualTo(killedIn.worker());
            }
        } finally {
            workers.values().forEach(WorkerProcess::close);
        }
        try (Supplygraph graph = Supplygraph.open(queued)) {
            assertThat(findings(graph)).isEqualTo(expected);
            assertThat(jobs.jobs()).allSatisfy(id -> {
                assertThat(graph.jobs().get(id).kind()).isEqualTo(Jobs.Kind.REMATCH);
                assertThat(graph.jobs().get(id).state()).isEqualTo(Jobs.State.DONE);
            });
        }
    }

    private static void ingest(Supplygraph graph, Path sboms) {
        assertThat(graph.ingest(List.of(sboms.toString()), InputStream.nullInputStream(), new IngestListener() {})
                .allAccepted()).isTrue();
    }

    /** Every finding, as its package version, advisory, status and fixed versions. */
    private static Set<String> findings(Supplygraph graph) {
        return graph.vulns(new Vulns.Query(null, null, null, true)).stream()
                .map(f -> f.purl() + " " + f.id() + " " + f.status() + " " + f.fixed())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * SIGKILLs the worker of a running re-match job, and starts another in its place, until a kill lands before the
     * job is done: its transaction rolls back, and NATS delivers the job again after the ack wait. That job.
     */
    private static Jobs.Job killTheWorkerOfARunningJob(String database, QueueOptions queue,
            Map<String, WorkerProcess> workers, Path logs) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        try (Supplygraph graph = Supplygraph.open(database)) {
            while (Instant.now().isBefore(deadline)) {
                Optional<Jobs.Job> running;
                try (Supplygraph reading = graph.reading()) {
                    running = reading.jobs().unfinished().stream().filter(j -> j.kind() == Jobs.Kind.REMATCH
                            && j.state() == Jobs.State.RUNNING && workers.containsKey(j.worker())).findFirst();
                }
                if (running.isEmpty()) {
                    Thread.sleep(20);
                    continue;
                }
                Jobs.Job job = running.get();
                workers.remove(job.worker()).kill();
                String replacement = job.worker() + "-after-kill";
                workers.put(replacement, WorkerProcess.start(replacement, database, queue, logs));
                try (Supplygraph reading = graph.reading()) {
                    if (reading.jobs().get(job.id()).state() != Jobs.State.DONE) {
                        return job;
                    }
                }
            }
        }
        throw new AssertionError("no worker was killed while its re-match job ran, within " + PATIENCE);
    }

    /** Until no match key waits, published or not: every job has run, the swept ones included. */
    private static void awaitNothingWaits(String database) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        try (Supplygraph graph = Supplygraph.open(database)) {
            while (Instant.now().isBefore(deadline)) {
                if (graph.rematchBacklog().equals(new RematchBacklog(0, 0))) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("match keys still wait after " + PATIENCE + ": " + graph.rematchBacklog());
        }
    }

    /**
     * SBOMs whose components are the PyPI and Maven packages the advisories name, each at a version an advisory
     * lists or introduces and at the version it is fixed in: findings of both statuses' making, and versions
     * outside every range.
     */
    private Path sbomsNamingTheAdvisoriesPackages(List<String> advisories) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        Set<String> purls = new TreeSet<>();
        for (String folder : advisories) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)")).toList()) {
                    for (JsonNode affected : yaml.readTree(file.toFile()).path("affected")) {
                        purls.addAll(purlsOf(affected));
                    }
                }
            }
        }
        Path folder = Files.createDirectories(tmp.resolve("sboms"));
        List<String> all = new ArrayList<>(purls);
        for (int from = 0; from < all.size(); from += COMPONENTS_PER_SBOM) {
            String subject = "pkg:generic/acme/rematch-" + from + "@1.0";
            Files.writeString(folder.resolve("app-" + from + ".cdx.json"), TestBoms.application(subject)
                    .depends(subject, all.subList(from, Math.min(all.size(), from + COMPONENTS_PER_SBOM))
                            .toArray(String[]::new)).json());
        }
        return folder;
    }

    private static List<String> purlsOf(JsonNode affected) {
        String ecosystem = affected.path("package").path("ecosystem").asText();
        String name = affected.path("package").path("name").asText();
        String base = switch (ecosystem) {
            case "PyPI" -> "pkg:pypi/" + name.toLowerCase(Locale.ROOT);
            case "Maven" -> name.contains(":") ? "pkg:maven/" + name.replace(':', '/') : null;
            default -> null;
        };
        List<String> purls = new ArrayList<>();
        if (base == null) {
            return purls;
        }
        if (affected.path("versions").size() > 0) {
            purls.add(base + "@" + affected.path("versions").get(0).asText());
        }
        for (JsonNode range : affected.path("ranges")) {
            if (range.path("type").asText().equals("ECOSYSTEM")) {
                for (JsonNode event : range.path("events")) {
                    String version = event.path(event.has("fixed") ? "fixed" : "introduced").asText();
                    if (!version.isEmpty() && !version.equals("0")) {
                        purls.add(base + "@" + version);
                    }
                }
            }
        }
        return purls;
    }
}
