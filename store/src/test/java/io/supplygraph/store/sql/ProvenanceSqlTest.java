package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.provenance;
import static io.supplygraph.store.TestDocuments.sbomOf;
import static io.supplygraph.store.TestStores.versionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.model.Digest;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.ProvenanceFacts.Material;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestDocuments;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.ProvenanceSql.MaterialRow;
import io.supplygraph.store.sql.ProvenanceSql.ProvenanceRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProvenanceSqlTest {

    private static final String IMAGE = "pkg:oci/payments@1.0";
    private static final String IMAGE_DIGEST = "sha256:" + "0d".repeat(32);
    private static final String LIB = "pkg:npm/lib@2.0.0";
    private static final String BUILDER = "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.0.0";
    private static final String REPOSITORY = "https://github.com/acme/payments";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsProvenanceThroughTheDigestOfItsSubject(Kind kind) {
        try (GraphStore store = storeWithProvenance(kind); GraphStore reader = store.reading()) {
            long artifact = reader.graph().artifact(IMAGE_DIGEST);

            assertThat(reader.provenance().ofArtifacts(List.of(artifact)))
                    .extracting(ProvenanceRow::subjectDigest, ProvenanceRow::subjectArtifact,
                            ProvenanceRow::builderId, ProvenanceRow::sourceUrl, ProvenanceRow::sourceRevision,
                            ProvenanceRow::documentDigest)
                    .containsExactly(tuple(IMAGE_DIGEST, artifact, BUILDER, REPOSITORY, "v1.0",
                            TestDocuments.digestOf("payments.intoto")));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsProvenanceWhoseSubjectIsNamedByPurl(Kind kind) {
        try (GraphStore store = storeWithProvenance(kind); GraphStore reader = store.reading()) {
            long lib = versionId(reader, LIB);

            assertThat(reader.provenance().ofVersions(List.of(lib)))
                    .extracting(ProvenanceRow::subjectVersion, ProvenanceRow::subjectArtifact, ProvenanceRow::slsaVersion)
                    .containsExactly(tuple(lib, null, "1"));
            assertThat(reader.provenance().ofVersions(List.of(versionId(reader, IMAGE)))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void materialsComeInDocumentOrderOneRowPerDigest(Kind kind) {
        try (GraphStore store = storeWithProvenance(kind); GraphStore reader = store.reading()) {
            long document = reader.provenance().ofArtifacts(List.of(reader.graph().artifact(IMAGE_DIGEST))).get(0)
                    .document();

            assertThat(reader.provenance().materials(List.of(document)))
                    .extracting(MaterialRow::ordinal, MaterialRow::uri, MaterialRow::digest, MaterialRow::sourceUrl)
                    .containsExactly(
                            tuple(0, "git+https://github.com/acme/payments@refs/tags/v1.0", "sha1:" + "1f".repeat(20),
                                    REPOSITORY),
                            tuple(1, "pkg:npm/left-pad@1.3.0", "sha256:" + "aa".repeat(32), null),
                            tuple(1, "pkg:npm/left-pad@1.3.0", "sha512:" + "bb".repeat(64), null),
                            tuple(2, "https://example.com/tool", null, null));
        }
    }

    private GraphStore storeWithProvenance(Kind kind) {
        GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp));
        store.store(sbomOf("payments.cdx", IMAGE).artifact(IMAGE, IMAGE_DIGEST).record());
        store.store(provenance("payments.intoto", null, IMAGE_DIGEST, BUILDER, REPOSITORY, "v1.0", List.of(
                new Material("git+https://github.com/acme/payments@refs/tags/v1.0",
                        List.of(Digest.parse("sha1:" + "1f".repeat(20))), new SourceRepository(REPOSITORY, "v1.0")),
                new Material("pkg:npm/left-pad@1.3.0", List.of(Digest.parse("sha256:" + "aa".repeat(32)),
                        Digest.parse("sha512:" + "bb".repeat(64))), null),
                new Material("https://example.com/tool", List.of(), null))));
        store.store(provenance("lib.intoto", LIB, null, BUILDER, "https://github.com/acme/lib", null, List.of()));
        return store;
    }
}
