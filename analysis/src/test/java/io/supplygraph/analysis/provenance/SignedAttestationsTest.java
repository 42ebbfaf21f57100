package io.supplygraph.analysis.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.verify.TrustPolicy;
import io.supplygraph.ingest.verify.VerificationPolicy;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signed attestations through the whole pipeline: envelope, verification, statement, provenance, trust. */
class SignedAttestationsTest {

    /** slsa-verifier testdata: a SLSA v0.2 provenance in one DSSE envelope, subject binary-linux-amd64. */
    static final String PROVENANCE =
            "attest-vex/slsa-verifier/cli/slsa-verifier/testdata/gha_go/v0.0.2/binary-linux-amd64-workflow_dispatch.intoto.jsonl";
    /** Its subject's sha256, as the statement's subject[0].digest.sha256 gives it. */
    static final String SUBJECT = "sha256:0f2de424bbf1faca6e4f8b34c3e4a98d5601a6e8b1b1c933dfb1ac02eea9a607";
    static final String VSA_FOLDER = "attest-vex/slsa-verifier/cli/slsa-verifier/testdata/vsa/gce/v1";

    @TempDir
    Path tmp;

    private static IngestSummary ingest(Supplygraph graph, Path file, TrustPolicy trust, List<String> rejections) {
        return graph.ingest(List.of(file.toString()), InputStream.nullInputStream(), new IngestListener() {
            @Override
            public void rejected(String source, String reason) {
                rejections.add(reason);
            }
        }, trust);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEnvelopeThatCannotBeVerifiedIsStoredAsFailedAndItsProvenanceEarnsNoLevel(Kind kind) {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            List<String> rejections = new ArrayList<>();
            assertThat(ingest(graph, Corpus.path(PROVENANCE), TrustPolicy.lenient(), rejections).stored()).isEqualTo(1);

            Document document = graph.documents().get(0);
            assertThat(document.format()).isEqualTo(DocumentFormat.DSSE_ENVELOPE);
            assertThat(document.trust()).isEqualTo(Trust.State.FAILED);
            List<Build> builds = graph.provenance(SUBJECT);
            assertThat(builds).singleElement().satisfies(b -> {
                // predicate.builder.id of the statement
                assertThat(b.builder()).isEqualTo("https://github.com/slsa-framework/slsa-github-generator/"
                        + ".github/workflows/builder_go_slsa3.yml@refs/heads/main");
                assertThat(b.trust()).isEqualTo(Trust.State.FAILED);
                assertThat(b.level()).isEqualTo(SlsaLevel.UNKNOWN);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void requireSignatureRejectsWhatDidNotVerifyAndKeepsWhatDid(Kind kind) throws Exception {
        Path folder = Corpus.path(VSA_FOLDER);
        VerificationPolicy keys = VerificationPolicy.keys(
                PublicKeys.fromPem(Files.readString(folder.resolve("vsa_signing_public_key.pem"))));
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            List<String> rejections = new ArrayList<>();
            IngestSummary unsigned = ingest(graph, Corpus.path(PROVENANCE), new TrustPolicy(keys, true), rejections);
            assertThat(unsigned.rejected()).isEqualTo(1);
            assertThat(unsigned.stored()).isZero();

            IngestSummary verified = ingest(graph, folder.resolve("gke-gce-pre.bcid-vsa.jsonl"),
                    new TrustPolicy(keys, true), rejections);
            assertThat(verified.stored()).isEqualTo(1);
            Document vsa = graph.documents().get(0);
            assertThat(vsa.trust()).isEqualTo(Trust.State.VERIFIED);
            assertThat(vsa.signer()).isNotBlank();
        }
    }
}
