package io.supplygraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A finding's documents are the applications that contain the package, nested SBOMs included: a container image
 * that lists a jar by digest contains what the jar's own SBOM lists. Advisory: the corpus's GHSA-jfh8-c2jp-5v3q
 * (log4j-core from 2.13.0, fixed 2.15.0).
 */
class NestedFindingsTest {

    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    static final String JAR_DIGEST = "cd".repeat(32);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFindingListsTheImageThatContainsTheJarThatContainsThePackage(Kind kind) {
        Portfolio p = new Portfolio(tmp.resolve("sboms"));
        p.bom("image.cdx.json", "pkg:oci/shop@sha256%3A" + "1".repeat(64))
                .component("pkg:maven/acme/shop@1", JAR_DIGEST).write();
        p.bom("jar.cdx.json", "pkg:maven/acme/shop@1?type=jar").subjectDigest(JAR_DIGEST)
                .depends("pkg:maven/acme/shop@1?type=jar", LOG4J).write();
        p.bom("other.cdx.json", "pkg:generic/other@1").depends("pkg:generic/other@1", "pkg:npm/left-pad@1.3.0").write();
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            graph.ingest(List.of(p.folder().toString()), InputStream.nullInputStream(), new IngestListener() {});
            graph.importAdvisories(List.of(Corpus.path("osv/ghsa-sample/GHSA-jfh8-c2jp-5v3q.json").toString()),
                    InputStream.nullInputStream(), new IngestListener() {});

            Finding log4shell = graph.vulns(new Vulns.Query(null, null, null, false)).stream()
                    .filter(f -> f.id().equals("GHSA-jfh8-c2jp-5v3q")).findFirst().orElseThrow();
            assertThat(log4shell.documents()).extracting(Finding.Container::subject).containsExactlyInAnyOrder(
                    "pkg:maven/acme/shop@1?type=jar", "pkg:oci/shop@sha256%3A" + "1".repeat(64));
        }
    }
}
