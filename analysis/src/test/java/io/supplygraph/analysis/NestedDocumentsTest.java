package io.supplygraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.NestedDocument;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which documents nest in which, and what joins them: a container image's SBOM lists a jar by digest whose own SBOM
 * is about that digest (an artifact join), and a service's SBOM lists a library whose own SBOM is about that purl.
 */
class NestedDocumentsTest {

    static final String JAR_DIGEST = "cd".repeat(32);
    static final String IMAGE = "pkg:oci/shop@sha256%3A" + "1".repeat(64);
    static final String JAR = "pkg:maven/acme/shop@1?type=jar";
    static final String LIBRARY = "pkg:maven/acme/lib@2";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void documentsAreJoinedByArtifactDigestAndByPurlBothWays(Kind kind) {
        Portfolio p = new Portfolio(tmp.resolve("sboms"));
        p.bom("image.cdx.json", IMAGE).component("pkg:maven/acme/shop@1", JAR_DIGEST).write();
        p.bom("jar.cdx.json", JAR).subjectDigest(JAR_DIGEST).depends(JAR, LIBRARY).write();
        p.bom("lib.cdx.json", LIBRARY).depends(LIBRARY, "pkg:npm/left-pad@1.3.0").write();
        p.bom("other.cdx.json", "pkg:generic/other@1").depends("pkg:generic/other@1", "pkg:npm/left-pad@1.3.0")
                .write();
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            graph.ingest(List.of(p.folder().toString()), InputStream.nullInputStream(), new IngestListener() {});
            String image = digestOf(graph, IMAGE);
            String jar = digestOf(graph, JAR);
            String lib = digestOf(graph, LIBRARY);

            assertThat(graph.nested(image)).containsExactly(new NestedDocument(jar, JAR,
                    NestedDocument.Relation.HOLDS, NestedDocument.JoinedBy.ARTIFACT, "sha256:" + JAR_DIGEST));
            assertThat(graph.nested(jar)).containsExactly(
                    new NestedDocument(image, IMAGE, NestedDocument.Relation.INSIDE, NestedDocument.JoinedBy.ARTIFACT,
                            "sha256:" + JAR_DIGEST),
                    new NestedDocument(lib, LIBRARY, NestedDocument.Relation.HOLDS, NestedDocument.JoinedBy.PURL,
                            LIBRARY));
            assertThat(graph.nested(lib)).containsExactly(new NestedDocument(jar, JAR,
                    NestedDocument.Relation.INSIDE, NestedDocument.JoinedBy.PURL, LIBRARY));
            assertThat(graph.nested(digestOf(graph, "pkg:generic/other@1"))).as("sharing a component is no nesting")
                    .isEmpty();
        }
    }

    private static String digestOf(Supplygraph graph, String subject) {
        return graph.documents().stream().filter(d -> subject.equals(d.subjectPurl())).map(Document::digest)
                .findFirst().orElseThrow();
    }
}
