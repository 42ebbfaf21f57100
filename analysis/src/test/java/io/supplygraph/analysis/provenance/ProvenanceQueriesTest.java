package io.supplygraph.analysis.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.policy.CompiledPolicy;
import io.supplygraph.analysis.policy.PolicyCheck;
import io.supplygraph.analysis.policy.PolicyFile;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Dependency;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.analysis.view.Violation;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Provenance and Scorecard questions over ingested documents, on SQLite and PostgreSQL: the answers follow from
 * the hand-written documents here (each states the fact the assertion expects) and from corpus files whose fields
 * are named where they are used.
 */
class ProvenanceQueriesTest {

    static final String D = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    static final String COMPONENT = "pkg:generic/acme/hello@1.0.0";
    static final String BUILDER = "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
            + "builder_go_slsa3.yml@refs/tags/v1.9.0";
    static final String COMMIT = "c27d339ee6075c1f744c5d4b200f7901aad2c369";

    @TempDir
    Path tmp;

    /** A container image's SBOM: no relationships, one component with digest D (as syft writes images). */
    static String containerSbom(String componentPurl, String digest, String vcs) {
        return """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "metadata": {"component": {"bom-ref": "img", "type": "container", "name": "shop",
                                            "purl": "pkg:oci/shop@sha256%%3A0d7e"}},
                 "components": [{"bom-ref": "c", "name": "hello", "purl": "%s",
                                 "hashes": [{"alg": "SHA-256", "content": "%s"}]%s}]}
                """.formatted(componentPurl, digest, vcs == null ? ""
                : ", \"externalReferences\": [{\"type\": \"vcs\", \"url\": \"" + vcs + "\"}]");
    }

    /** SLSA v1 provenance: subject D, built by BUILDER from github.com/octo/hello at COMMIT. */
    static String provenance(String subject) {
        return """
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "https://slsa.dev/provenance/v1",
                 "subject": [%s],
                 "predicate": {"buildDefinition": {"buildType": "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                     "externalParameters": {"workflow": {"ref": "refs/tags/v1.0.0", "repository": "https://github.com/octo/hello"}},
                     "resolvedDependencies": [{"uri": "git+https://github.com/Octo/hello@refs/tags/v1.0.0",
                                               "digest": {"gitCommit": "%s"}}]},
                   "runDetails": {"builder": {"id": "%s"},
                                  "metadata": {"invocationId": "run-7", "startedOn": "2024-05-01T10:00:00Z"}}}}
                """.formatted(subject, COMMIT, BUILDER);
    }

    private Path write(String name, String content) throws Exception {
        Path file = tmp.resolve("docs").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static IngestSummary ingest(Supplygraph graph, Path... files) {
        return graph.ingest(java.util.Arrays.stream(files).map(Path::toString).toList(), InputStream.nullInputStream(),
                new IngestListener() {});
    }

    private static String sha256(Path file) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void provenanceOfAContainersComponentFollowsItsDigestToTheBuildUntilItsDocumentIsDeleted(Kind kind) throws Exception {
        Path sbom = write("image.cdx.json", containerSbom(COMPONENT, D, null));
        Path slsa = write("hello.intoto.json", provenance("{\"name\": \"hello\", \"digest\": {\"sha256\": \"" + D + "\"}}"));
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            assertThat(ingest(graph, sbom, slsa).stored()).isEqualTo(2);

            List<Build> builds = graph.provenance(COMPONENT);
            assertThat(builds).singleElement().satisfies(b -> {
                assertThat(b.via()).isEqualTo(COMPONENT);
                assertThat(b.subject()).isEqualTo("sha256:" + D);
                assertThat(b.subjectName()).isEqualTo("hello");
                assertThat(b.builder()).isEqualTo(BUILDER);
                assertThat(b.slsaVersion()).isEqualTo("1");
                assertThat(b.source()).isEqualTo("https://github.com/octo/hello");
                assertThat(b.revision()).isEqualTo(COMMIT);
                assertThat(b.invocationId()).isEqualTo("run-7");
                assertThat(b.startedOn()).isEqualTo("2024-05-01T10:00:00Z");
                assertThat(b.materials()).singleElement().satisfies(m -> {
                    assertThat(m.repository()).isEqualTo("https://github.com/octo/hello");
                    assertThat(m.digest()).isEqualTo("gitcommit:" + COMMIT);
                });
                // nothing verified the document yet, so neither its trust nor a level can be claimed
                assertThat(b.trust()).as("a bare statement carries no signature").isEqualTo(Trust.State.UNSIGNED);
                assertThat(b.level()).isEqualTo(SlsaLevel.UNKNOWN);
                assertThat(b.document()).isEqualTo(sha256(slsa));
            });
            assertThat(graph.provenance("sha256:" + D)).singleElement()
                    .satisfies(b -> assertThat(b.via()).isEqualTo("sha256:" + D));
            assertThat(graph.provenance("sha256:" + D.substring(0, 12))).as("a digest prefix, as documents take")
                    .singleElement().satisfies(b -> assertThat(b.via()).isEqualTo("sha256:" + D));
            assertThatThrownBy(() -> graph.provenance("sha256:" + "0".repeat(12)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(graph.provenance("pkg:oci/shop@sha256%3A0d7e")).isEmpty();

            graph.deleteDocument(sha256(slsa));
            assertThat(graph.provenance(COMPONENT)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void provenanceWhoseSubjectIsAPurlAnswersForThatPackage(Kind kind) throws Exception {
        Path slsa = write("npm.intoto.json", provenance("{\"name\": \"pkg\", \"uri\": \"pkg:npm/%40acme/hello@1.0.0\"}"));
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, slsa);
            assertThat(graph.provenance("pkg:npm/@acme/hello@1.0.0")).singleElement().satisfies(b -> {
                assertThat(b.subject()).isEqualTo("pkg:npm/%40acme/hello@1.0.0");
                assertThat(b.builder()).isEqualTo(BUILDER);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void slsaVerifierProvenanceAnswersForItsSubjectAndAnSbomListingIt(Kind kind) throws Exception {
        // gha_generic/v1.2.0/binary-linux-amd64-push-v14.intoto.jsonl: the DSSE payload, unwrapped here
        Path envelope = Corpus.path("attest-vex/slsa-verifier/cli/slsa-verifier/testdata/gha_generic/v1.2.0/"
                + "binary-linux-amd64-push-v14.intoto.jsonl");
        byte[] payload = Base64.getDecoder().decode(
                new ObjectMapper().readTree(Files.readAllLines(envelope).get(0)).get("payload").asText());
        Path statement = tmp.resolve("docs").resolve("hello.statement.json");
        Files.createDirectories(statement.getParent());
        Files.write(statement, payload);
        // subject[0].digest.sha256
        String hello = "d1faeb68e9bf4b3790bb08cc39fd2afb68ee37371c8b9f705e2e68f449b56240";
        Path sbom = write("release.cdx.json", containerSbom("pkg:generic/slsa-framework/hello@14", hello, null));
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, statement, sbom);
            assertThat(graph.provenance("pkg:generic/slsa-framework/hello@14")).singleElement().satisfies(b -> {
                // predicate.builder.id
                assertThat(b.builder()).endsWith("/generator_generic_slsa3.yml@refs/tags/v1.2.0");
                // predicate.invocation.configSource.uri and .digest.sha1
                assertThat(b.source()).isEqualTo("https://github.com/slsa-framework/example-package");
                assertThat(b.revision()).isEqualTo("dcd26fed2ccf37087005539ad8e8ce4db23b501d");
                assertThat(b.slsaVersion()).isEqualTo("0.2");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anSbomPredicateDescribesTheStatementsSubjectDigest(Kind kind) throws Exception {
        Path statement = write("sbom.intoto.json", """
                {"_type": "https://in-toto.io/Statement/v0.1", "predicateType": "https://cyclonedx.org/bom",
                 "subject": [{"name": "shop", "digest": {"sha256": "%s"}}],
                 "predicate": {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                   "metadata": {"component": {"bom-ref": "s", "name": "shop", "purl": "pkg:generic/acme/shop@2"}},
                   "components": [{"bom-ref": "l", "name": "left-pad", "purl": "pkg:npm/left-pad@1.3.0"}]}}
                """.formatted(D));
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, statement);
            assertThat(graph.deps("sha256:" + D, false)).extracting(Dependency::purl).containsExactly("pkg:npm/left-pad@1.3.0");
            assertThat(graph.documents()).singleElement().satisfies(d -> {
                assertThat(d.format()).isEqualTo(DocumentFormat.IN_TOTO_STATEMENT);
                assertThat(d.components()).isEqualTo(1);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPackageReachesItsScorecardThroughEachWayItNamesItsRepository(Kind kind) throws Exception {
        // GUAC's kubernetes-scorecard.json scores github.com/kubernetes/kubernetes (repo.name) 8.9 (score)
        Path scorecard = Corpus.path("attest-vex/guac-exampledata/kubernetes-scorecard.json");
        Path sbom = write("k8s.cdx.json", containerSbom("pkg:golang/k8s.io/kubernetes@v1.28.1", D,
                "git+https://github.com/Kubernetes/kubernetes.git"));
        String other = "1111111111111111111111111111111111111111111111111111111111111111";
        Path built = write("kubectl.cdx.json", containerSbom("pkg:generic/kubectl@1.28.1", other, null));
        Path slsa = write("kubectl.intoto.json", provenance("{\"digest\": {\"sha256\": \"" + other + "\"}}")
                .replace("https://github.com/Octo/hello", "https://github.com/kubernetes/kubernetes"));
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, scorecard, sbom, built, slsa);

            assertThat(graph.scorecard("pkg:golang/k8s.io/kubernetes")).singleElement().satisfies(s -> {
                assertThat(s.repository()).isEqualTo("https://github.com/kubernetes/kubernetes");
                assertThat(s.via()).isEqualTo(Scorecard.Via.SBOM);
                assertThat(s.score()).isEqualTo(8.9);
                assertThat(s.revision()).isEqualTo("5835544ca568b757a8ecae5c153f317e5736700e"); // repo.commit
                assertThat(s.checks()).hasSize(9);
                assertThat(s.checks()).filteredOn(c -> c.name().equals("Pinned-Dependencies"))
                        .singleElement().satisfies(c -> assertThat(c.score()).isEqualTo(2));
            });
            assertThat(graph.scorecard("pkg:generic/kubectl@1.28.1")).extracting(Scorecard::via)
                    .containsExactly(Scorecard.Via.PROVENANCE);
            assertThat(graph.scorecard("pkg:github/Kubernetes/kubernetes")).extracting(Scorecard::via)
                    .containsExactly(Scorecard.Via.PURL);
            assertThat(graph.scorecard("pkg:npm/foo@1?vcs_url=git%2Bhttps://github.com/kubernetes/kubernetes.git"))
                    .extracting(Scorecard::via).containsExactly(Scorecard.Via.PURL);
            assertThat(graph.scorecard("git@github.com:kubernetes/kubernetes.git")).extracting(Scorecard::score)
                    .containsExactly(8.9);
            assertThat(graph.scorecard("pkg:npm/left-pad@1.3.0")).isEmpty();
            assertThatThrownBy(() -> graph.scorecard("nothing")).isInstanceOf(IllegalArgumentException.class);

            // a policy check reads a portfolio's scorecards (Scorecards.newestOf) through the SBOM's reference too
            Path policy = write("policy.yaml", """
                    rules:
                      - name: well-scored
                        when: has(scorecard.score) && scorecard.score > 8.0
                        action: warn
                        message: m
                    """);
            PolicyReport report = graph.check(CompiledPolicy.compile(PolicyFile.read(policy)),
                    PolicyCheck.Scope.portfolio(), LocalDate.of(2026, 11, 30));
            assertThat(report.rules().get(0).violations()).extracting(Violation::purl)
                    .containsExactly("pkg:golang/k8s.io/kubernetes@v1.28.1");
        }
    }
}
