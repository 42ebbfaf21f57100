package io.supplygraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.view.Upgrade;
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
 * An image's plan includes what the jar it lists by digest contains, by the jar's own SBOM, with the path through
 * the jar. Advisory: the corpus's GHSA-jfh8-c2jp-5v3q (log4j-core from 2.13.0, fixed 2.15.0).
 */
class NestedFixPlanTest {

    private static final String IMAGE = "pkg:oci/shop@sha256%3A" + "1".repeat(64);
    private static final String JAR = "pkg:maven/acme/shop@1?type=jar";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anImagesPlanReachesIntoTheJarsSbom(Kind kind) {
        Portfolio p = new Portfolio(tmp.resolve("sboms"));
        p.bom("image.cdx.json", IMAGE).component("pkg:maven/acme/shop@1", NestedFindingsTest.JAR_DIGEST).write();
        p.bom("jar.cdx.json", JAR).subjectDigest(NestedFindingsTest.JAR_DIGEST)
                .depends(JAR, NestedFindingsTest.LOG4J).write();
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            graph.ingest(List.of(p.folder().toString()), InputStream.nullInputStream(), new IngestListener() {});
            graph.importAdvisories(List.of(Corpus.path("osv/ghsa-sample/GHSA-jfh8-c2jp-5v3q.json").toString()),
                    InputStream.nullInputStream(), new IngestListener() {});

            List<Upgrade> plan = graph.fix(IMAGE);
            assertThat(plan).singleElement().satisfies(u -> {
                assertThat(u.packagePurl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
                assertThat(u.target()).isEqualTo("2.15.0");
                assertThat(u.direct()).isFalse();
                assertThat(u.via()).containsExactly(IMAGE, "pkg:maven/acme/shop@1", JAR, NestedFindingsTest.LOG4J);
            });
            // the jar's own plan has it as a direct dependency
            assertThat(graph.fix(JAR)).singleElement().satisfies(u -> {
                assertThat(u.direct()).isTrue();
                assertThat(u.via()).containsExactly(JAR, NestedFindingsTest.LOG4J);
            });
        }
    }
}
