package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} and the ingest signature options as a user runs them: files in, JSON and exit codes out. */
class VerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "application/vnd.in-toto+json";
    private static final String PAYLOAD = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[]}";

    @TempDir
    Path tmp;

    private KeyPair keys;
    private Path pem;

    @BeforeEach
    void makeKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        keys = g.generateKeyPair();
        pem = tmp.resolve("key.pub");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }

    @Test
    void verifiedEnvelopeExitsZeroAndNamesTheKey() throws Exception {
        CliRun run = run("verify", envelope(PAYLOAD, PAYLOAD).toString(), "--key", pem.toString(), "--json");
        assertThat(run.exit()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("verified").asBoolean()).isTrue();
        assertThat(result.get("signer").asText()).startsWith("sha256:").hasSize(71);
        assertThat(result.get("reason").isNull()).isTrue();
    }

    @Test
    void tamperedEnvelopeExitsOneWithAReason() throws Exception {
        CliRun run = run("verify", envelope(PAYLOAD, PAYLOAD.replace("[]", "[{}]")).toString(), "--key", pem.toString(),
                "--json");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("verified").asBoolean()).isFalse();
        assertThat(result.get("reason").asText()).contains("no signature verifies");
    }

    @Test
    void verifiesAConformanceBundleWithItsTrustedRootAndIdentity() {
        Path cases = Corpus.path("attest-vex/sigstore-conformance/bundle-verify");
        Path dir = cases.resolve("rekor2-happy-path");
        String identity = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
        String[] args = {"verify", dir.resolve("bundle.sigstore.json").toString(), "--trusted-root",
                dir.resolve("trusted_root.json").toString(), "--certificate-identity", identity,
                "--certificate-oidc-issuer", "https://token.actions.githubusercontent.com",
                "--artifact", cases.resolve("a.txt").toString()};
        CliRun run = run(args);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("verified: " + identity);

        args[5] = "https://github.com/someone-else/.github/workflows/release.yml@refs/heads/main";
        CliRun wrongIdentity = run(args);
        assertThat(wrongIdentity.exit()).isEqualTo(1);
        assertThat(wrongIdentity.out()).contains("not verified").contains("someone-else");
    }

    @Test
    void aManagedKeyBundleVerifiesWithItsKeyAloneWhenToldToIgnoreTheLog() {
        Path cases = Corpus.path("attest-vex/sigstore-conformance/bundle-verify");
        Path dir = cases.resolve("managed-key-happy-path");
        String bundle = dir.resolve("bundle.sigstore.json").toString();
        String artifact = cases.resolve("a.txt").toString();
        String key = dir.resolve("key.pub").toString();

        CliRun withoutRoot = run("verify", bundle, "--key", key, "--artifact", artifact);
        assertThat(withoutRoot.exit()).isEqualTo(1);
        assertThat(withoutRoot.out()).contains("give --trusted-root, or --insecure-ignore-tlog");

        CliRun ignoringTheLog = run("verify", bundle, "--key", key, "--artifact", artifact, "--insecure-ignore-tlog");
        assertThat(ignoringTheLog.exit()).as(ignoringTheLog.out() + ignoringTheLog.err()).isZero();
        assertThat(ignoringTheLog.out()).startsWith("verified: sha256:");

        CliRun wrongKey = run("verify", bundle, "--key", pem.toString(), "--artifact", artifact, "--insecure-ignore-tlog");
        assertThat(wrongKey.exit()).as("the signature still has to verify").isEqualTo(1);
    }

    @Test
    void artifactAndDigestTogetherIsAUsageError() throws Exception {
        Path envelope = envelope(PAYLOAD, PAYLOAD);
        assertThat(run("verify", envelope.toString(), "--artifact", envelope.toString(), "--digest",
                "sha256:" + "0".repeat(64)).exit()).isEqualTo(2);
        assertThat(run("verify", envelope.toString(), "--key", tmp.resolve("missing.pem").toString()).exit())
                .isEqualTo(2);
    }

    @Test
    void requireSignatureRejectsUnsignedDocumentsThatAreOtherwiseStoredAsUnsigned() throws Exception {
        Path sbom = tmp.resolve("sbom.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"bom-ref":"s","name":"s","purl":"pkg:generic/app@1"}}}
                """);
        CliRun strict = run("ingest", sbom.toString(), "--require-signature", "--db", tmp.resolve("g.db").toString());
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err()).contains("unsigned").contains("--require-signature");

        assertThat(run("ingest", sbom.toString(), "--db", tmp.resolve("g.db").toString()).exit()).isZero();
        JsonNode documents = JSON.readTree(run("documents", "--json", "--db", tmp.resolve("g.db").toString()).out());
        assertThat(documents.get(0).get("trust").asText()).isEqualTo("unsigned");
        assertThat(documents.get(0).has("signer")).isTrue();
    }

    private Path envelope(String signed, String written) throws Exception {
        byte[] pae = ("DSSEv1 " + TYPE.length() + " " + TYPE + " " + signed.length() + " " + signed)
                .getBytes(StandardCharsets.UTF_8);
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(keys.getPrivate());
        ecdsa.update(pae);
        Base64.Encoder b64 = Base64.getEncoder();
        Path file = tmp.resolve("envelope-" + System.nanoTime() + ".json");
        Files.writeString(file, "{\"payloadType\":\"" + TYPE + "\",\"payload\":\""
                + b64.encodeToString(written.getBytes(StandardCharsets.UTF_8)) + "\",\"signatures\":[{\"keyid\":\"\",\"sig\":\""
                + b64.encodeToString(ecdsa.sign()) + "\"}]}");
        return file;
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
