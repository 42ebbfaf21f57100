package io.supplygraph.ingest.intoto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.model.Digest;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.ProvenanceFacts;
import io.supplygraph.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * slsa-verifier's real provenance (slsa-github-generator builders v0.0.2 to v2.1.0, Google Cloud Build, BCR):
 * DSSE envelopes ({@code .intoto.jsonl}), Sigstore bundles ({@code .sigstore}, {@code .build.slsa}) and GCB
 * summaries, their payloads unwrapped by {@link Payloads}. Expected values name the payload field they are.
 */
class SlsaVerifierCorpusTest {

    private static final String TESTDATA = "attest-vex/slsa-verifier/cli/slsa-verifier/testdata/";

    private final StatementReader reader = new StatementReader();

    private static AttestationFacts only(String file) throws Exception {
        List<byte[]> payloads = Payloads.of(Corpus.path(TESTDATA + file));
        return new StatementReader().read(payloads.get(0));
    }

    @Test
    void everyStatementInTheCorpusIsReadWithTheBuilderItsPayloadNames() throws Exception {
        int statements = 0;
        int provenance = 0;
        try (Stream<Path> files = Files.walk(Corpus.path(TESTDATA))) {
            for (Path file : files.filter(Files::isRegularFile).filter(SlsaVerifierCorpusTest::isJson).toList()) {
                for (byte[] payload : payloads(file)) {
                    JsonNode statement = Payloads.tree(payload);
                    AttestationFacts facts = reader.read(payload);
                    statements++;
                    assertThat(facts.predicateType()).as(file.toString()).isEqualTo(statement.get("predicateType").asText());
                    assertThat(facts.subjects()).as(file.toString()).hasSize(statement.get("subject").size());
                    if (facts.provenance() != null) {
                        provenance++;
                        JsonNode builder = statement.path("predicate").has("runDetails")
                                ? statement.path("predicate").path("runDetails").path("builder")
                                : statement.path("predicate").path("builder");
                        assertThat(facts.provenance().builderId()).as(file.toString()).isEqualTo(builder.path("id").asText());
                    }
                }
            }
        }
        // 123 SLSA v0.2 + 72 SLSA v1 in Statement v0.1, 3 SLSA v1 in Statement v1, 1 verification summary (VSA),
        // and 56 SLSA v0.1 inside the 44 GCB summaries: counted by a separate Python pass over the same files
        assertThat(statements).isEqualTo(255);
        assertThat(provenance).isEqualTo(254);
    }

    private static boolean isJson(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".sigstore") || n.endsWith(".slsa");
    }

    private static List<byte[]> payloads(Path file) {
        try {
            return Payloads.of(file);
        } catch (Exception e) {
            return List.of(); // OCI manifests and deliberately broken files carry no statement
        }
    }

    @Test
    void slsaV02FromTheGenericGenerator() throws Exception {
        AttestationFacts facts = only("gha_generic/v1.2.0/binary-linux-amd64-push-v14.intoto.jsonl");
        // subject[0].digest.sha256
        assertThat(facts.subjects().get(0).digests()).containsExactly(
                new Digest("sha256", "d1faeb68e9bf4b3790bb08cc39fd2afb68ee37371c8b9f705e2e68f449b56240"));
        ProvenanceFacts p = facts.provenance();
        assertThat(p.slsaVersion()).isEqualTo("0.2");
        // predicate.builder.id
        assertThat(p.builderId()).isEqualTo("https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
                + "generator_generic_slsa3.yml@refs/tags/v1.2.0");
        // predicate.buildType
        assertThat(p.buildType()).isEqualTo("https://github.com/slsa-framework/slsa-github-generator@v1");
        // predicate.invocation.configSource.uri and .digest.sha1
        assertThat(p.source()).isEqualTo(new SourceRepository("https://github.com/slsa-framework/example-package",
                "dcd26fed2ccf37087005539ad8e8ce4db23b501d"));
        // predicate.metadata.buildInvocationID (as the generator spells it)
        assertThat(p.invocationId()).isEqualTo("2700464409-1");
    }

    @Test
    void slsaV1InAStatementV1FromBcr() throws Exception {
        AttestationFacts facts = only("bcr/MODULE.bazel.intoto.jsonl");
        assertThat(facts.specVersion()).isEqualTo("1");
        assertThat(facts.subjects().get(0).name()).isEqualTo("MODULE.bazel");
        ProvenanceFacts p = facts.provenance();
        // predicate.runDetails.builder.id
        assertThat(p.builderId()).isEqualTo(
                "https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/publish.yaml@refs/tags/v0.0.1");
        // predicate.buildDefinition.buildType
        assertThat(p.buildType()).isEqualTo("https://actions.github.io/buildtypes/workflow/v1");
        // predicate.buildDefinition.resolvedDependencies[0].uri and .digest.gitCommit
        assertThat(p.source()).isEqualTo(new SourceRepository("https://github.com/aspect-build/rules_lint",
                "8f70009fde0c94ade6ce2a054b94718c819126ec"));
        // predicate.runDetails.metadata.invocationId
        assertThat(p.invocationId()).isEqualTo("https://github.com/aspect-build/rules_lint/actions/runs/14095611671/attempts/1");
        // predicate.buildDefinition.externalParameters.workflow
        assertThat(p.externalParameters()).contains("\"path\":\".github/workflows/release.yml\"");
    }

    @Test
    void slsaV1FromASigstoreBundleOfTheContainerBasedBuilder() throws Exception {
        AttestationFacts facts = only("gha_container-based/v1.7.0/gha_container-based-binary-linux-amd64-v14.intoto.sigstore");
        ProvenanceFacts p = facts.provenance();
        assertThat(p.builderId()).endsWith("/builder_container-based_slsa3.yml@refs/tags/v1.7.0");
        // resolvedDependencies[0] is the source at sha1 62cb1f...; [1], the generator itself, is a material too
        assertThat(p.source()).isEqualTo(new SourceRepository("https://github.com/slsa-framework/example-package",
                "62cb1f1e485829bafe8bbec8b9900c0cb7624fe7"));
        assertThat(p.materials()).hasSize(2);
        assertThat(p.materials().get(1).digests()).containsExactly(
                new Digest("sha256", "e77b584c8ce6516642ab79b2fbb2c3166fc869a1a95582086aca0a06a41945c8"));
    }

    @Test
    void multipleSubjectsAreAllBuiltByTheOneBuild() throws Exception {
        AttestationFacts facts = only("binary-linux-amd64-multi-subject-first.intoto.jsonl");
        assertThat(facts.subjects()).extracting(AttestationFacts.Subject::name)
                .containsExactly("artifact1", "artifact2", "artifact3");
    }

    @Test
    void slsaV01FromGoogleCloudBuild() throws Exception {
        AttestationFacts facts = only("gcb_container/v0.2/gcloud-container-github.json");
        ProvenanceFacts p = facts.provenance();
        assertThat(p.slsaVersion()).isEqualTo("0.1");
        // predicate.builder.id and predicate.recipe.type
        assertThat(p.builderId()).isEqualTo("https://cloudbuild.googleapis.com/GoogleHostedWorker@v0.2");
        assertThat(p.buildType()).isEqualTo("https://cloudbuild.googleapis.com/GoogleHostedWorker@v0.2");
        // predicate.materials[0].uri, a GitHub commit URL
        assertThat(p.source()).isEqualTo(new SourceRepository("https://github.com/laurentsimon/gcb-tests",
                "fbbb98765e85ad464302dc5977968104d36e455e"));
        // predicate.metadata.buildStartedOn / buildFinishedOn
        assertThat(p.startedOn()).isEqualTo("2022-08-15T22:43:18.700638187Z");
        assertThat(p.finishedOn()).isEqualTo("2022-08-15T22:43:34.366498Z");
        assertThat(p.externalParameters()).contains("\"@type\":\"type.googleapis.com/google.devtools.cloudbuild.v1.Build\"");
        assertThat(facts.subjects().get(0).digests()).containsExactly(
                new Digest("sha256", "1a033b002f89ed2b8ea733162497fb70f1a4049a7f8602d6a33682b4ad9921fd"));
    }
}
