package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.vulns.QueuedImport;
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
import java.util.List;
import java.util.Locale;
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
 * fresh PostgreSQL graphs, one each way.
 */
class QueuedRematchTest {

    private static final Duration ACK_WAIT = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int COMPONENTS_PER_SBOM = 200;

    @RegisterExtension
    final TestQueues queues = new TestQueues();

    @TempDir
    Path tmp;

    @Test
    void reMatchJobsOnTwoWorkersFindWhatAnInProcessImportFinds() throws Exception {
        List<String> advisories = List.of(Corpus.path("osv/pypa-advisory-database/vulns").toString(),
                Corpus.path("osv/ghsa-sample").toString());
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

        List<String> jobs;
        List<String> keys;
        try (Supplygraph graph = Supplygraph.open(queued); JobQueue queueing = JobQueue.connect(queue, "test")) {
            ingest(graph, sboms);
            QueuedImport imported = graph.importAdvisoriesForRematch(advisories, InputStream.nullInputStream(),
                    new IngestListener() {});
            assertThat(findings(graph)).as("stored, not matched, by the import itself").isEmpty();
            keys = imported.keys();
            jobs = RematchJobs.publish(graph, queueing, "test import", keys);
        }
        assertThat(jobs).as("more keys than one job takes").hasSizeGreaterThan(1);

        try (ThreadWorker one = new ThreadWorker(queued, queue, "worker-1");
                ThreadWorker two = new ThreadWorker(queued, queue, "worker-2")) {
            awaitDone(queued, jobs);
        }
        try (Supplygraph graph = Supplygraph.open(queued)) {
            assertThat(findings(graph)).isEqualTo(expected);
            graph.rematch(keys);
            assertThat(findings(graph)).as("a chunk run again finds the same").isEqualTo(expected);
            assertThat(jobs).allSatisfy(id -> assertThat(graph.jobs().get(id).kind()).isEqualTo(Jobs.Kind.REMATCH));
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

    private static void awaitDone(String database, List<String> jobs) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        try (Supplygraph graph = Supplygraph.open(database)) {
            while (Instant.now().isBefore(deadline)) {
                try (Supplygraph reading = graph.reading()) {
                    if (jobs.stream().allMatch(id -> state(reading, id) == Jobs.State.DONE)) {
                        return;
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("re-match jobs not done within " + PATIENCE);
    }

    private static Jobs.State state(Supplygraph graph, String id) {
        try {
            return graph.jobs().get(id).state();
        } catch (NotFoundException e) {
            return Jobs.State.QUEUED;
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
