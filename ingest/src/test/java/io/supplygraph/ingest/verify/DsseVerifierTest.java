package io.supplygraph.ingest.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.dsse.Envelope;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.model.Trust;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DsseVerifierTest {

    private static final String TYPE = "application/vnd.in-toto+json";
    private static final String PAYLOAD = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[]}";

    static Stream<TestSigner> signers() throws GeneralSecurityException {
        return Stream.of(TestSigner.ecdsa("secp256r1", "SHA256withECDSA"),
                TestSigner.ecdsa("secp384r1", "SHA384withECDSA"),
                TestSigner.ecdsa("secp256r1", "SHA256withECDSAinP1363Format"),
                TestSigner.ed25519(),
                TestSigner.rsa("SHA256withRSA"),
                TestSigner.rsa("RSASSA-PSS"));
    }

    @Test
    void paeFollowsTheSpecExample() {
        Envelope e = new Envelope("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8), List.of());
        assertThat(new String(e.pae(), StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void acceptsAnEnvelopeSignedWithAConfiguredKey(TestSigner signer) throws Exception {
        Trust trust = read(signer.envelope(TYPE, PAYLOAD), signer);
        assertThat(trust).isEqualTo(Trust.verified(PublicKeys.id(signer.keys().getPublic())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void rejectsATamperedPayload(TestSigner signer) throws Exception {
        byte[] signature = signer.sign(TestSigner.pae(TYPE, PAYLOAD));
        String tampered = TestSigner.envelope(TYPE, PAYLOAD.replace("[]", "[{}]"), signature);
        assertThat(read(tampered, signer)).isInstanceOf(Trust.Failed.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signers")
    void rejectsASignatureReplayedForAnotherPayloadType(TestSigner signer) throws Exception {
        byte[] signature = signer.sign(TestSigner.pae(TYPE, PAYLOAD));
        String replayed = TestSigner.envelope("application/json", PAYLOAD, signature);
        assertThat(read(replayed, signer)).isInstanceOf(Trust.Failed.class);
    }

    @Test
    void rejectsASignatureFromAnotherKey() throws Exception {
        TestSigner signer = TestSigner.ecdsa("secp256r1", "SHA256withECDSA");
        TestSigner other = TestSigner.ecdsa("secp256r1", "SHA256withECDSA");
        assertThat(read(signer.envelope(TYPE, PAYLOAD), other))
                .isEqualTo(Trust.failed("no signature verifies with the 1 given public key"));
    }

    @Test
    void marksASignedEnvelopeFailedWhenNoKeyWasGiven() throws Exception {
        TestSigner signer = TestSigner.ed25519();
        List<SignedPayload> payloads = new EnvelopeReader(VerificationPolicy.none())
                .read(new ByteArrayInputStream(signer.envelope(TYPE, PAYLOAD).getBytes(StandardCharsets.UTF_8)));
        assertThat(payloads.get(0).trust().reason()).contains("no public key (--key)");
    }

    @Test
    void marksAnEnvelopeWithoutSignaturesUnsigned() throws Exception {
        String unsigned = "{\"payloadType\":\"" + TYPE + "\",\"payload\":\"e30=\",\"signatures\":[]}";
        assertThat(read(unsigned, TestSigner.ed25519())).isEqualTo(Trust.UNSIGNED);
    }

    @Test
    void triesEveryKeyRegardlessOfTheKeyIdHint() throws Exception {
        TestSigner a = TestSigner.ecdsa("secp256r1", "SHA256withECDSA");
        TestSigner b = TestSigner.ecdsa("secp384r1", "SHA384withECDSA");
        String envelope = b.envelope(TYPE, PAYLOAD).replace("\"keyid\":\"\"", "\"keyid\":\"not-a-real-id\"");
        VerificationPolicy policy = VerificationPolicy.keys(List.of(a.keys().getPublic(), b.keys().getPublic()));
        Trust trust = new EnvelopeReader(policy).read(stream(envelope)).get(0).trust();
        assertThat(trust.signer()).isEqualTo(PublicKeys.id(b.keys().getPublic()));
    }

    private static Trust read(String envelope, TestSigner key) throws Exception {
        VerificationPolicy policy = VerificationPolicy.keys(PublicKeys.fromPem(key.publicPem()));
        List<SignedPayload> payloads = new EnvelopeReader(policy).read(stream(envelope));
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0).payloadType()).isEqualTo(envelope.contains(TYPE) ? TYPE : "application/json");
        return payloads.get(0).trust();
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
