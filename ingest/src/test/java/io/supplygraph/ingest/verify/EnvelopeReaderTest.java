package io.supplygraph.ingest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.model.Trust;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TYPE = "application/vnd.in-toto+json";

    @Test
    void readsOneEnvelopePerLineOfAnIntotoJsonl() throws Exception {
        TestSigner signer = TestSigner.ecdsa("secp256r1", "SHA256withECDSA");
        String jsonl = signer.envelope(TYPE, "{\"n\":1}") + "\n" + signer.envelope(TYPE, "{\"n\":2}") + "\n";
        List<SignedPayload> payloads = reader(PublicKeys.fromPem(signer.publicPem())).read(stream(jsonl));
        assertThat(payloads).extracting(p -> new String(p.payload(), StandardCharsets.UTF_8))
                .containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(payloads).allMatch(p -> p.trust().isVerified());
    }

    @Test
    void rejectsABundleOfAnUnknownVersionSayingSo() {
        String bundle = "{\"mediaType\":\"application/vnd.dev.sigstore.bundle+json;version=0.9\","
                + "\"verificationMaterial\":{},\"messageSignature\":{}}";
        assertThatThrownBy(() -> reader(List.of()).read(stream(bundle)))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageContaining("unsupported Sigstore bundle version")
                .hasMessageContaining("version=0.9");
    }

    @Test
    void rejectsTruncatedJson() {
        assertThatThrownBy(() -> reader(List.of()).read(stream("{\"payloadType\":\"x\",\"payload\":")))
                .isInstanceOf(DocumentRejectedException.class).hasMessageStartingWith("malformed JSON");
    }

    @Test
    void rejectsASignatureThatIsNotBase64() {
        String envelope = "{\"payloadType\":\"x\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"MEUC*IQ==\"}]}";
        assertThatThrownBy(() -> reader(List.of()).read(stream(envelope)))
                .isInstanceOf(DocumentRejectedException.class).hasMessage("signature is not valid base64");
    }

    @Test
    void verifiesSlsaVerifiersRealVsaWithItsPublishedKey() throws Exception {
        Path dir = Corpus.path("attest-vex/slsa-verifier/cli/slsa-verifier/testdata/vsa/gce/v1");
        List<java.security.PublicKey> key = PublicKeys.fromPem(Files.readString(dir.resolve("vsa_signing_public_key.pem")));
        try (InputStream in = Files.newInputStream(dir.resolve("gke-gce-pre.bcid-vsa.jsonl"))) {
            List<SignedPayload> payloads = reader(key).read(in);
            assertThat(payloads).isNotEmpty().allMatch(p -> p.trust().isVerified());
            assertThat(payloads.get(0).payloadType()).isEqualTo(TYPE);
        }
        TestSigner stranger = TestSigner.ecdsa("secp256r1", "SHA256withECDSA");
        try (InputStream in = Files.newInputStream(dir.resolve("gke-gce-pre.bcid-vsa.jsonl"))) {
            assertThat(reader(PublicKeys.fromPem(stranger.publicPem())).read(in))
                    .allMatch(p -> p.trust() instanceof Trust.Failed);
        }
    }

    /**
     * Every real DSSE envelope and bundle of slsa-verifier and GUAC opens, and with no key or trusted root
     * configured none counts as verified: each says why not.
     */
    @Test
    void opensRealEnvelopesAndBundlesAndMarksThemUnverifiedWithoutTrustAnchors() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("attest-vex/slsa-verifier", "attest-vex/guac-exampledata")) {
            try (Stream<Path> walk = Files.walk(Corpus.path(dir))) {
                walk.filter(Files::isRegularFile).filter(EnvelopeReaderTest::looksSigned).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        int envelopes = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (SignedPayload p : reader(List.of()).read(in)) {
                    envelopes++;
                    assertThat(p.trust()).as(file.toString()).isNotInstanceOf(Trust.Verified.class);
                    if (p.trust() instanceof Trust.Failed f) {
                        assertThat(f.reason()).as(file.toString()).containsAnyOf("--key", "--trusted-root");
                    }
                }
            } catch (DocumentRejectedException e) {
                throw new AssertionError(file + ": " + e.getMessage(), e);
            }
        }
        assertThat(envelopes).isGreaterThanOrEqualTo(files.size());
    }

    /**
     * Signed documents by their top-level fields: a DSSE envelope, a bundle, or npm's attestation list. Other
     * files (gcloud's output, which nests envelopes in its own structure; statements; SBOMs) are not ours.
     */
    private static boolean looksSigned(Path file) {
        try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
            JsonNode first = JSON.readTree(parser);
            return first != null && (first.has("payloadType") || first.has("attestations")
                    || first.path("mediaType").asText("").startsWith("application/vnd.dev.sigstore.bundle"));
        } catch (IOException e) {
            return false;
        }
    }

    private static EnvelopeReader reader(List<java.security.PublicKey> keys) {
        return new EnvelopeReader(VerificationPolicy.keys(keys));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
