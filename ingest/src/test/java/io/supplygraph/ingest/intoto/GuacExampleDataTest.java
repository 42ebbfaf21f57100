package io.supplygraph.ingest.intoto;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.model.Digest;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.ProvenanceFacts;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** GUAC's example attestations (attest-vex/guac-exampledata); expected values name the field they are. */
class GuacExampleDataTest {

    private static final String DATA = "attest-vex/guac-exampledata/";

    private final StatementReader reader = new StatementReader();

    private AttestationFacts bare(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Corpus.path(DATA + file))) {
            return reader.read(in, file);
        }
    }

    @Test
    void tektonChainsProvenanceInADsseEnvelope() throws Exception {
        AttestationFacts facts = reader.read(Payloads.of(Corpus.path(DATA + "oci-dsse-att.json")).get(0));
        ProvenanceFacts p = facts.provenance();
        assertThat(p.slsaVersion()).isEqualTo("0.2");
        assertThat(p.builderId()).isEqualTo("https://tekton.dev/chains/v2");       // predicate.builder.id
        assertThat(p.buildType()).isEqualTo("tekton.dev/v1beta1/TaskRun");          // predicate.buildType
        assertThat(p.startedOn()).isEqualTo("2022-12-20T14:09:04Z");               // metadata.buildStartedOn
        assertThat(p.finishedOn()).isEqualTo("2022-12-20T14:09:36Z");              // metadata.buildFinishedOn
        assertThat(p.externalParameters()).contains("\"DOCKERFILE\":\"./Dockerfile\""); // invocation.parameters
        assertThat(p.source()).isNull(); // configSource is {} and there are no materials
        assertThat(facts.subjects().get(0).digests()).containsExactly(
                new Digest("sha256", "9e183c89765d92a440f44ac7059385c778cbadad0ee8fe3208360efb07c0ba09"));
    }

    @Test
    void kubectlProvenanceAsABareStatementWithManySubjects() throws Exception {
        AttestationFacts facts = bare("oci-kubectl-linux-amd64-in-toto.json");
        assertThat(facts.subjects()).hasSize(75); // subject[]
        assertThat(facts.subjects().get(0).name()).isEqualTo("/mnt/vss/_work/1/a/release-tars/client/darwin/amd64/kubectl");
        ProvenanceFacts p = facts.provenance();
        assertThat(p.builderId()).isEqualTo("Project Collection Build Service (AzureContainerUpstream)");
        assertThat(p.invocationId()).isEqualTo("119656"); // metadata.buildInvocationID
        // invocation.configSource.uri; its digest is labelled sha256 but has a commit's 40 digits: no revision
        assertThat(p.source()).isEqualTo(new SourceRepository(
                "https://dev.azure.com/AzureContainerUpstream/Kubernetes/_git/ado-build-definitions", null));
        assertThat(p.materials()).singleElement().satisfies(m -> assertThat(m.uri()).isEqualTo("https://github.com/kubernetes/kubernetes"));
    }

    @Test
    void aVulnerabilityScanIsAGenericAttestationAboutAPurl() throws Exception {
        AttestationFacts facts = bare("certify-vuln.json");
        assertThat(facts.predicateType()).isEqualTo("https://in-toto.io/attestation/vulns/v0.1");
        assertThat(facts.provenance()).isNull();
        assertThat(facts.sbom()).isNull();
        // subject[0].uri
        assertThat(facts.subjects()).singleElement().satisfies(s -> {
            assertThat(s.uri()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.8.1");
            assertThat(s.digests()).isEmpty();
        });
    }

    @Test
    void aCrevReviewIsAGenericAttestationAboutACommit() throws Exception {
        AttestationFacts facts = bare("crev-review.json");
        assertThat(facts.predicateType()).isEqualTo("https://crev.dev/in-toto-scheme/v-1");
        assertThat(facts.subjects().get(0).digests())
                .containsExactly(new Digest("sha1", "5835544ca568b757a8ecae5c153f317e5736700e"));
        assertThat(facts.name()).isEqualTo("git://github.com/kubernetes/kubernetes");
    }
}
