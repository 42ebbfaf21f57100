package io.supplygraph.ingest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sigstore.TrustedRootJson;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.model.Trust;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The sigstore-conformance bundle-verify cases, run as the suite runs a client: a case whose name ends in
 * {@code _fail} must be rejected and every other accepted; the case's {@code key.pub}, {@code trusted_root.json},
 * {@code artifact} (else the shared {@code a.txt}), {@code identity} and {@code issuer} (else the suite's
 * defaults) are the client's arguments. Cases without their own trusted root need the public-good production
 * root, which clients fetch over TUF; it is not shipped here, so those cases are skipped.
 */
class SigstoreConformanceTest {

    private static final String DEFAULT_IDENTITY = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
    private static final String DEFAULT_ISSUER = "https://token.actions.githubusercontent.com";

    @TestFactory
    Stream<DynamicTest> bundleVerifyCases() throws IOException {
        Path cases = Corpus.path("attest-vex/sigstore-conformance/bundle-verify");
        try (Stream<Path> dirs = Files.list(cases)) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(cases, dir)))
                    .toList().stream();
        }
    }

    private static void run(Path cases, Path dir) throws Exception {
        assumeFalse(!Files.exists(dir.resolve("trusted_root.json")),
                "needs the Sigstore public-good trusted root, which is fetched over TUF and not shipped");
        boolean mustFail = dir.getFileName().toString().endsWith("_fail");
        Trust trust = verify(cases, dir);
        if (mustFail) {
            assertThat(trust).as("must be rejected, got %s", trust).isInstanceOf(Trust.Failed.class);
        } else {
            assertThat(trust).as("must be accepted, got %s", trust).isInstanceOf(Trust.Verified.class);
        }
    }

    /** The trust of the case's bundle; a bundle that cannot be read is a failed verification. */
    static Trust verify(Path cases, Path dir) throws IOException {
        boolean managedKey = Files.exists(dir.resolve("key.pub"));
        Path artifact = Files.exists(dir.resolve("artifact")) ? dir.resolve("artifact") : cases.resolve("a.txt");
        try (InputStream in = Files.newInputStream(dir.resolve("bundle.sigstore.json"))) {
            VerificationPolicy policy = new VerificationPolicy(
                    managedKey ? PublicKeys.fromPem(Files.readString(dir.resolve("key.pub"))) : List.of(),
                    TrustedRootJson.read(dir.resolve("trusted_root.json")),
                    managedKey ? null : text(dir.resolve("identity"), DEFAULT_IDENTITY),
                    managedKey ? null : text(dir.resolve("issuer"), DEFAULT_ISSUER),
                    Artifact.ofFile(artifact), Instant.now());
            List<SignedPayload> payloads = new EnvelopeReader(policy).read(in);
            assertThat(payloads).hasSize(1);
            return payloads.get(0).trust();
        } catch (DocumentRejectedException e) {
            return Trust.failed(e.getMessage());
        }
    }

    private static String text(Path file, String otherwise) throws IOException {
        return Files.exists(file) ? Files.readString(file).strip() : otherwise;
    }
}
