package io.supplygraph.analysis.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an importer does when the queue does not take its re-match jobs: it matches the waiting keys itself, a chunk
 * per transaction, and ends with the findings an import that matched as it stored gives, and no key waiting.
 */
class RematchHereTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void matchingTheWaitingKeysHereFindsWhatMatchingOnStoringFinds(Kind kind) throws Exception {
        Path sbom = Files.writeString(tmp.resolve("app.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "metadata": {"component": {"type": "application", "name": "app", "version": "1.0",
                   "bom-ref": "app", "purl": "pkg:generic/acme/app@1.0"}},
                 "components": [
                   {"type": "library", "name": "log4j-core", "version": "2.14.1", "bom-ref": "log4j",
                    "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
                   {"type": "library", "name": "minimist", "version": "1.2.5", "bom-ref": "minimist",
                    "purl": "pkg:npm/minimist@1.2.5"}],
                 "dependencies": [{"ref": "app", "dependsOn": ["log4j", "minimist"]}]}
                """);
        List<String> advisories = List.of(Corpus.path("osv/ghsa-sample").toString());
        Set<String> expected;
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, sbom);
            graph.importAdvisories(advisories, InputStream.nullInputStream(), new IngestListener() {});
            expected = findings(graph);
        }
        assertThat(expected).as("the sample's advisories name both packages").hasSizeGreaterThan(1);

        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, sbom);
            graph.importAdvisoriesForRematch(advisories, InputStream.nullInputStream(), new IngestListener() {});
            RematchBacklog waiting = graph.rematchBacklog();
            assertThat(findings(graph)).isEmpty();

            int matched = graph.rematchUnpublished(10);

            assertThat(matched).isEqualTo(waiting.unpublished()).isGreaterThan(10);
            assertThat(findings(graph)).isEqualTo(expected);
            assertThat(graph.rematchBacklog()).isEqualTo(new RematchBacklog(0, 0));
        }
    }

    private static void ingest(Supplygraph graph, Path sbom) {
        assertThat(graph.ingest(List.of(sbom.toString()), InputStream.nullInputStream(), new IngestListener() {})
                .allAccepted()).isTrue();
    }

    private static Set<String> findings(Supplygraph graph) {
        return graph.vulns(new Vulns.Query(null, null, null, true)).stream()
                .map(f -> f.purl() + " " + f.id() + " " + f.status() + " " + f.fixed())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
