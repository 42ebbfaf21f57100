package io.supplygraph.ingest.verify;

import io.supplygraph.ingest.sigstore.TrustedRoot;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

/**
 * What a signature is checked against: configured public keys (DSSE envelopes, managed-key bundles), a Sigstore
 * trusted root (keyless bundles), the identity and OIDC issuer a keyless certificate must name, and the artifact a
 * signature must cover. Any part may be absent; what is absent cannot make anything verify.
 *
 * @param trustedRoot null when none was given
 * @param identity    the certificate's expected SAN (URI or e-mail), or null to accept any and record it
 * @param issuer      the certificate's expected OIDC issuer, or null to accept any and record it
 * @param artifact    null when none was given
 * @param now         the time against which "in the future" is judged
 * @param ignoreTlog  a bundle signed with a managed key is taken on its signature alone, its log entries unread
 *                    (cosign's {@code --insecure-ignore-tlog}): for keys that sign offline, where the key is trusted
 *                    and there is no log to check
 */
public record VerificationPolicy(List<PublicKey> keys, TrustedRoot trustedRoot, String identity, String issuer,
        Artifact artifact, Instant now, boolean ignoreTlog) {

    public VerificationPolicy {
        keys = List.copyOf(keys);
    }

    public VerificationPolicy(List<PublicKey> keys, TrustedRoot trustedRoot, String identity, String issuer,
            Artifact artifact, Instant now) {
        this(keys, trustedRoot, identity, issuer, artifact, now, false);
    }

    public static VerificationPolicy none() {
        return new VerificationPolicy(List.of(), null, null, null, null, Instant.now());
    }

    public static VerificationPolicy keys(List<PublicKey> keys) {
        return new VerificationPolicy(keys, null, null, null, null, Instant.now());
    }

    public VerificationPolicy withArtifact(Artifact artifact) {
        return new VerificationPolicy(keys, trustedRoot, identity, issuer, artifact, now, ignoreTlog);
    }
}
