package io.supplygraph.cli;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sigstore.TrustedRoot;
import io.supplygraph.ingest.sigstore.TrustedRootJson;
import io.supplygraph.ingest.verify.Artifact;
import io.supplygraph.ingest.verify.VerificationPolicy;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What signatures are checked against, shared by {@code verify} and {@code ingest}. */
public final class VerificationOptions {

    @Option(names = "--key", paramLabel = "PEM",
            description = "A public key (PEM: ECDSA P-256/P-384, Ed25519, RSA; or a certificate) that may have signed. Repeatable.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--trusted-root", paramLabel = "FILE",
            description = "A Sigstore trusted_root.json: the Fulcio, Rekor, CT and timestamp keys to trust. Nothing is fetched.")
    Path trustedRoot;

    @Option(names = "--certificate-identity", paramLabel = "ID",
            description = "The SAN (URI or e-mail) a keyless signing certificate must name.")
    String identity;

    @Option(names = "--certificate-oidc-issuer", paramLabel = "URL",
            description = "The OIDC issuer a keyless signing certificate must name.")
    String issuer;

    @Option(names = "--insecure-ignore-tlog",
            description = "Take a bundle signed with a --key on its signature alone, without --trusted-root and without"
                    + " checking its transparency-log entries (as cosign's option of that name). Keyless bundles still"
                    + " need --trusted-root.")
    boolean ignoreTlog;

    /** The policy these options describe; a key or root file that cannot be read is a usage error. */
    VerificationPolicy policy(Artifact artifact) {
        List<PublicKey> publicKeys = new ArrayList<>();
        TrustedRoot root = null;
        try {
            for (Path key : keys) {
                publicKeys.addAll(PublicKeys.fromPem(Files.readString(key)));
            }
            if (trustedRoot != null) {
                root = TrustedRootJson.read(trustedRoot);
            }
        } catch (IOException | DocumentRejectedException e) {
            throw new IllegalArgumentException("cannot read a key or trusted root: " + e.getMessage(), e);
        }
        return new VerificationPolicy(publicKeys, root, identity, issuer, artifact, Instant.now(), ignoreTlog);
    }
}
