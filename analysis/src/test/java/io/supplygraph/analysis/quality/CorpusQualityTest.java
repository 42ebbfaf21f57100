package io.supplygraph.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.Quality;
import io.supplygraph.analysis.view.Quality.Check;
import io.supplygraph.analysis.view.Quality.Verdict;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Quality checks on two corpus SBOMs, with the verdicts worked out by reading each file (the reasons are beside
 * each expectation), and the score they make by the weights of {@link QualityCheck}.
 */
class CorpusQualityTest {

    @TempDir
    Path tmp;

    private static Quality ingestAndJudge(Supplygraph graph, Path file) {
        assertThat(graph.ingest(List.of(file.toString()), InputStream.nullInputStream(), new IngestListener() {})
                .rejected()).isZero();
        Document document = graph.ingestedDocuments().get(graph.ingestedDocuments().size() - 1);
        Quality quality = graph.quality(document.digest());
        assertThat(document.quality()).as("documents shows the same score").isEqualTo(quality.score());
        return quality;
    }

    private static Map<String, Verdict> verdicts(Quality quality) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        quality.checks().forEach(c -> verdicts.put(c.check(), c.verdict()));
        return verdicts;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void spdxMinimalSbom(Kind kind) {
        Path file = Corpus.path("sbom/spdx-examples/presentations/OSS-NA-2023/SPDXVersion2.3/01-MinimalSBOM.json");
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Quality quality = ingestAndJudge(graph, file);
            Map<String, Verdict> expected = new LinkedHashMap<>();
            // one package, tools-java: supplier "Organization: SPDX", versionInfo 1.5.1, a purl externalRef
            expected.put("ntia_supplier", Verdict.PASS);
            expected.put("ntia_name", Verdict.PASS);
            expected.put("ntia_version", Verdict.PASS);
            expected.put("ntia_unique_id", Verdict.PASS);
            // the document DESCRIBES the package: it is the subject, so the one component is reached
            expected.put("ntia_dependencies", Verdict.PASS);
            // creationInfo: created 2023-05-12T18:30:22Z, creators "Person: Gary O'Neall"
            expected.put("ntia_author", Verdict.PASS);
            expected.put("ntia_timestamp", Verdict.PASS);
            // its only checksum is SHA1
            expected.put("bsi_sha512", Verdict.FAIL);
            // no licenseDeclared or licenseConcluded
            expected.put("bsi_licences", Verdict.FAIL);
            expected.put("bsi_sbom_creator", Verdict.PASS);
            // downloadLocation is a release zip, not a VCS location, and only VCS locations are recorded
            expected.put("bsi_uris", Verdict.FAIL);
            expected.put("purls_valid", Verdict.PASS);
            expected.put("graph_complete", Verdict.PASS);
            expected.put("no_dangling_refs", Verdict.PASS);
            expected.put("timestamp_plausible", Verdict.PASS);
            // SPDX-2.3
            expected.put("spec_version_current", Verdict.PASS);
            assertThat(verdicts(quality)).containsExactlyEntriesOf(expected);
            // 7 NTIA checks at 10, the creator at 10, structure 3 x 10 + 2 x 0.5 x 10: 120 of weights 14.5
            assertThat(quality.score()).isEqualTo(8.3);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void syftBusyboxCycloneDx(Kind kind) {
        Path file = Corpus.path("sbom/guac-exampledata/busybox-cyclonedx.json");
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Quality quality = ingestAndJudge(graph, file);
            Map<String, Verdict> expected = new LinkedHashMap<>();
            // one component, busybox 1.34.1: no supplier, no purl or CPE (only a SWID tag), no hashes, no licences
            expected.put("ntia_supplier", Verdict.FAIL);
            expected.put("ntia_name", Verdict.PASS);
            expected.put("ntia_version", Verdict.PASS);
            expected.put("ntia_unique_id", Verdict.FAIL);
            // no dependencies array: nothing ties busybox to the image
            expected.put("ntia_dependencies", Verdict.FAIL);
            // metadata.tools names syft; metadata has no authors
            expected.put("ntia_author", Verdict.PASS);
            // 2022-10-08T09:59:15-04:00
            expected.put("ntia_timestamp", Verdict.PASS);
            expected.put("bsi_sha512", Verdict.FAIL);
            expected.put("bsi_licences", Verdict.FAIL);
            expected.put("bsi_sbom_creator", Verdict.FAIL);
            expected.put("bsi_uris", Verdict.FAIL);
            // no purl at all: nothing to judge
            expected.put("purls_valid", Verdict.NOT_APPLICABLE);
            expected.put("graph_complete", Verdict.FAIL);
            expected.put("no_dangling_refs", Verdict.PASS);
            expected.put("timestamp_plausible", Verdict.PASS);
            // specVersion 1.4
            expected.put("spec_version_current", Verdict.FAIL);
            assertThat(verdicts(quality)).containsExactlyEntriesOf(expected);
            assertThat(quality.checks()).filteredOn(c -> c.check().equals("purls_valid")).extracting(Check::score)
                    .containsOnlyNulls();
            // NTIA 4 x 10, structure 10 + 0.5 x 10: 55 of weights 13.5 (purls_valid left out)
            assertThat(quality.score()).isEqualTo(4.1);
        }
    }
}
