package io.supplygraph.ingest.intoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.Digest;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.ProvenanceFacts;
import io.supplygraph.model.fact.ProvenanceFacts.Material;
import io.supplygraph.model.fact.SbomFacts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Statements written by hand after the examples of the SLSA specification (slsa.dev/provenance/v0.1, v0.2 and
 * v1 "Example" sections) and of the in-toto attestation specification; each expected value is the field the
 * comment names.
 */
class StatementReaderTest {

    private final StatementReader reader = new StatementReader();

    private AttestationFacts read(String json) throws Exception {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** slsa.dev/provenance/v0.2#example */
    static final String SLSA_V02 = """
            {"_type": "https://in-toto.io/Statement/v0.1",
             "subject": [{"name": "curl-7.72.0.tar.bz2",
                          "digest": {"sha256": "ad1fa8b4b0b2b4b2b4b0b2b4b2b4b0b2b4b2b4b0b2b4b2b4b0b2b4b2b4b0b2b4"}}],
             "predicateType": "https://slsa.dev/provenance/v0.2",
             "predicate": {
               "builder": {"id": "https://github.com/Attestations/GitHubHostedActions@v1"},
               "buildType": "https://github.com/Attestations/GitHubActionsWorkflow@v1",
               "invocation": {
                 "configSource": {"uri": "git+https://github.com/curl/curl-docker@master",
                                  "digest": {"sha1": "d6525c840a62b398424a78d792f457477135d0cf"},
                                  "entryPoint": "build.yaml:maketgz"},
                 "parameters": {"VERSION": "7.72.0"}},
               "metadata": {"buildStartedOn": "2020-08-19T08:38:00Z", "buildFinishedOn": "2020-08-19T08:40:00Z",
                            "buildInvocationId": "run-1"},
               "materials": [
                 {"uri": "git+https://github.com/curl/curl-docker@master",
                  "digest": {"sha1": "24279c5185ddc042896e3748f47fa89b48c1c14e"}},
                 {"uri": "github_hosted_vm:ubuntu-18.04:20210123.1"}]}}
            """;

    @Test
    void readsSlsaV02BuilderSourceMaterialsAndTimes() throws Exception {
        AttestationFacts facts = read(SLSA_V02);
        assertThat(facts.specVersion()).isEqualTo("0.1");
        assertThat(facts.subjects()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("curl-7.72.0.tar.bz2");
            assertThat(s.digests()).containsExactly(
                    new Digest("sha256", "ad1fa8b4b0b2b4b2b4b0b2b4b2b4b0b2b4b2b4b0b2b4b2b4b0b2b4b2b4b0b2b4"));
        });
        ProvenanceFacts p = facts.provenance();
        assertThat(p.slsaVersion()).isEqualTo("0.2");
        assertThat(p.builderId()).isEqualTo("https://github.com/Attestations/GitHubHostedActions@v1");
        assertThat(p.buildType()).isEqualTo("https://github.com/Attestations/GitHubActionsWorkflow@v1");
        // invocation.configSource: its uri, at the commit its sha1 digest names
        assertThat(p.source()).isEqualTo(new SourceRepository("https://github.com/curl/curl-docker",
                "d6525c840a62b398424a78d792f457477135d0cf"));
        assertThat(p.startedOn()).isEqualTo("2020-08-19T08:38:00Z");
        assertThat(p.finishedOn()).isEqualTo("2020-08-19T08:40:00Z");
        assertThat(p.invocationId()).isEqualTo("run-1");
        assertThat(p.externalParameters()).isEqualTo("{\"VERSION\":\"7.72.0\"}");
        assertThat(p.materials()).extracting(Material::uri).containsExactly(
                "git+https://github.com/curl/curl-docker@master", "github_hosted_vm:ubuntu-18.04:20210123.1");
        assertThat(p.materials().get(0).repository()).isEqualTo(new SourceRepository(
                "https://github.com/curl/curl-docker", "24279c5185ddc042896e3748f47fa89b48c1c14e"));
        assertThat(p.materials().get(1).repository()).isNull();
        assertThat(facts.sbom()).isNull();
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void readsSlsaV1FromBuildDefinitionAndRunDetails() throws Exception {
        // slsa.dev/provenance/v1#example, with its subject and dependency ordering as there
        AttestationFacts facts = read("""
                {"_type": "https://in-toto.io/Statement/v1",
                 "predicateType": "https://slsa.dev/provenance/v1",
                 "predicate": {
                   "buildDefinition": {
                     "buildType": "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                     "externalParameters": {"workflow": {"ref": "refs/heads/main",
                        "repository": "https://github.com/octocat/hello-world", "path": ".github/workflow/release.yml"}},
                     "resolvedDependencies": [
                       {"uri": "https://github.com/actions/virtual-environments/releases/tag/ubuntu20/20220515.1"},
                       {"uri": "git+https://github.com/octocat/hello-world@refs/heads/main",
                        "digest": {"gitCommit": "c27d339ee6075c1f744c5d4b200f7901aad2c369"}}]},
                   "runDetails": {
                     "builder": {"id": "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml@refs/tags/v1.9.0"},
                     "metadata": {"invocationId": "https://github.com/octocat/hello-world/actions/runs/1536140711/attempts/1",
                                  "startedOn": "2023-01-01T12:34:56Z", "finishedOn": "2023-01-01T12:40:00Z"}}},
                 "subject": [{"name": "_", "digest": {"sha256": "fe4fe40ac7250263c5dbe1cf3138912f3f416140aa248637a60d65fe22c47da4"}}]}
                """);
        assertThat(facts.specVersion()).isEqualTo("1");
        ProvenanceFacts p = facts.provenance();
        assertThat(p.slsaVersion()).isEqualTo("1");
        assertThat(p.builderId()).endsWith("builder_go_slsa3.yml@refs/tags/v1.9.0");
        assertThat(p.buildType()).isEqualTo("https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1");
        assertThat(p.invocationId()).isEqualTo("https://github.com/octocat/hello-world/actions/runs/1536140711/attempts/1");
        assertThat(p.startedOn()).isEqualTo("2023-01-01T12:34:56Z");
        assertThat(p.finishedOn()).isEqualTo("2023-01-01T12:40:00Z");
        // the first resolved dependency that is a source checkout: git+ URI, at its gitCommit
        assertThat(p.source()).isEqualTo(new SourceRepository("https://github.com/octocat/hello-world",
                "c27d339ee6075c1f744c5d4b200f7901aad2c369"));
        assertThat(p.externalParameters()).contains("\"repository\":\"https://github.com/octocat/hello-world\"");
        assertThat(p.materials()).hasSize(2);
    }

    @Test
    void readsSlsaV01SourceFromTheMaterialTheRecipeIsDefinedIn() throws Exception {
        // slsa.dev/provenance/v0.1#example: recipe.definedInMaterial points into materials
        AttestationFacts facts = read("""
                {"_type": "https://in-toto.io/Statement/v0.1",
                 "subject": [{"name": "_", "digest": {"sha256": "5678aa"}}],
                 "predicateType": "https://slsa.dev/provenance/v0.1",
                 "predicate": {
                   "builder": {"id": "https://example.com/builder@v1"},
                   "recipe": {"type": "https://example.com/Makefile@v1", "definedInMaterial": 1,
                              "entryPoint": "src:foo", "arguments": {"CFLAGS": "-O3"}},
                   "metadata": {"buildStartedOn": "2021-02-01T10:00:00Z"},
                   "materials": [
                     {"uri": "https://example.com/toolchain.tar", "digest": {"sha256": "1234aa"}},
                     {"uri": "git+https://github.com/Example/Foo.git", "digest": {"sha1": "abc1234"}}]}}
                """);
        ProvenanceFacts p = facts.provenance();
        assertThat(p.slsaVersion()).isEqualTo("0.1");
        assertThat(p.buildType()).isEqualTo("https://example.com/Makefile@v1");
        assertThat(p.source()).isEqualTo(new SourceRepository("https://github.com/example/foo", "abc1234"));
        assertThat(p.externalParameters()).isEqualTo("{\"CFLAGS\":\"-O3\"}");
        assertThat(p.materials().get(0).digests()).containsExactly(new Digest("sha256", "1234aa"));
        assertThat(p.materials().get(0).repository()).isNull();
    }

    @Test
    void readsResolvedDependenciesInTheSnakeCaseGuacWrites() throws Exception {
        AttestationFacts facts = read("""
                {"_type": "https://in-toto.io/Statement/v1",
                 "subject": [{"name": "sigstore", "uri": "pkg:npm/sigstore/sigstore-js@4.2.0"}],
                 "predicateType": "https://slsa.dev/provenance/v1",
                 "predicate": {"buildDefinition": {"buildType": "https://github.com/npm/cli/gha/v2",
                    "resolved_dependencies": [{"uri": "pkg:npm/sigstore/segs@1.2.0", "digest": {"sha1": "5b8c08"}}]},
                   "runDetails": {"builder": {"id": "https://github.com/actions/runner"}}}}
                """);
        assertThat(facts.subjects().get(0).uri()).isEqualTo("pkg:npm/sigstore/sigstore-js@4.2.0");
        assertThat(facts.provenance().materials()).extracting(Material::uri).containsExactly("pkg:npm/sigstore/segs@1.2.0");
        assertThat(facts.provenance().source()).isNull();
    }

    @Test
    void readsTheStatementWhateverTheOrderOfItsFields() throws Exception {
        AttestationFacts facts = read("""
                {"predicate": {"builder": {"id": "b"}}, "subject": [{"digest": {"sha256": "aa"}}],
                 "predicateType": "https://slsa.dev/provenance/v0.2", "_type": "https://in-toto.io/Statement/v0.1"}
                """);
        assertThat(facts.provenance().builderId()).isEqualTo("b");
    }

    @Test
    void anSbomPredicateDescribesTheStatementSubjects() throws Exception {
        AttestationFacts facts = read("""
                {"_type": "https://in-toto.io/Statement/v0.1",
                 "predicateType": "https://cyclonedx.org/bom",
                 "subject": [{"name": "registry.example/app", "digest": {"sha256": "0d7e11"}}],
                 "predicate": {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                   "metadata": {"component": {"bom-ref": "app", "name": "app", "purl": "pkg:oci/app@sha256%3A0d7e11"}},
                   "components": [{"bom-ref": "l", "name": "left-pad", "purl": "pkg:npm/left-pad@1.3.0"}]}}
                """);
        SbomFacts sbom = facts.sbom();
        assertThat(sbom).isNotNull();
        assertThat(facts.componentCount()).isEqualTo(1);
        assertThat(sbom.subject().purl()).isEqualTo("pkg:oci/app@sha256%3A0d7e11");
        assertThat(sbom.occurrences()).contains(new SbomFacts.Occurrence(sbom.subjects()[0], new Digest("sha256", "0d7e11")));
        assertThat(facts.provenance()).isNull();
    }

    @Test
    void anSpdxPredicateGivenAsAStringIsReadToo() throws Exception {
        String spdx = "{\\\"spdxVersion\\\": \\\"SPDX-2.3\\\", \\\"SPDXID\\\": \\\"SPDXRef-DOCUMENT\\\","
                + " \\\"name\\\": \\\"img\\\", \\\"packages\\\": [{\\\"SPDXID\\\": \\\"SPDXRef-a\\\", \\\"name\\\": \\\"a\\\","
                + " \\\"versionInfo\\\": \\\"1\\\"}], \\\"documentDescribes\\\": [\\\"SPDXRef-a\\\"]}";
        AttestationFacts facts = read("""
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "https://spdx.dev/Document/v2.3",
                 "subject": [{"name": "img", "digest": {"sha256": "beef"}}], "predicate": "%s"}
                """.formatted(spdx));
        assertThat(facts.sbom()).isNotNull();
        assertThat(facts.sbom().subject().purl()).isEqualTo("pkg:generic/a@1");
    }

    @Test
    void anSbomPredicateThatIsNoSbomIsKeptAsAGenericAttestation() throws Exception {
        AttestationFacts facts = read("""
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "https://spdx.dev/Document",
                 "subject": [{"name": "x", "digest": {"sha256": "aa"}}], "predicate": {"hello": "world"}}
                """);
        assertThat(facts.sbom()).isNull();
        assertThat(facts.warnings()).singleElement().asString().contains("kept as a generic attestation");
    }

    @Test
    void otherPredicatesAreGenericAttestationsAboutTheirSubjects() throws Exception {
        // an OpenVEX predicate too: VEX statements are read by the VEX readers, not here
        AttestationFacts facts = read("""
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "https://openvex.dev/ns/v0.2.0",
                 "subject": [{"name": "app", "digest": {"sha256": "aa", "sha512": "bb"}}],
                 "predicate": {"@context": "https://openvex.dev/ns/v0.2.0", "statements": []}}
                """);
        assertThat(facts.predicateType()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        assertThat(facts.provenance()).isNull();
        assertThat(facts.sbom()).isNull();
        assertThat(facts.subjects().get(0).digests())
                .containsExactly(new Digest("sha256", "aa"), new Digest("sha512", "bb"));
        assertThat(facts.name()).isEqualTo("app");
    }

    @Test
    void rejectsAStatementWithoutPredicateType() {
        assertThatThrownBy(() -> read("{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": []}"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("predicateType");
    }

    @Test
    void rejectsADocumentOfAnotherType() {
        assertThatThrownBy(() -> read("""
                {"_type": "https://example.com/Other/v1", "predicateType": "x", "subject": []}"""))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("_type");
    }

    @Test
    void rejectsTruncatedJsonWithItsPosition() {
        assertThatThrownBy(() -> read("{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": [{"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("truncated");
    }

    @Test
    void skipsDigestsThatAreNotText() throws Exception {
        AttestationFacts facts = read("""
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "x",
                 "subject": [{"name": "a", "digest": {"sha256": 12, "sha512": "cc"}}], "predicate": {}}
                """);
        assertThat(facts.subjects().get(0).digests()).containsExactly(new Digest("sha512", "cc"));
        assertThat(facts.warnings()).singleElement().asString().contains("sha256");
    }
}
