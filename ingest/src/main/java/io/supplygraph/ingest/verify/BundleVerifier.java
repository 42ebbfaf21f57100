package io.supplygraph.ingest.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.sigstore.Bundle;
import io.supplygraph.ingest.sigstore.TrustedRoot;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.ingest.verify.crypto.Signatures;
import io.supplygraph.model.Trust;
import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a Sigstore bundle offline against a trusted root, in the order of the Sigstore client spec: the
 * signature over the artifact or envelope, every transparency-log entry, the verified times of signing (the
 * log's signed promise, RFC 3161 timestamps), and for a keyless signature the certificate at each of those
 * times: its chain to a Fulcio authority, its certificate-transparency timestamps and its identity.
 */
public final class BundleVerifier {

    private static final ObjectMapper JSON = ReadLimits.jsonMapper();

    private final VerificationPolicy policy;

    public BundleVerifier(VerificationPolicy policy) {
        this.policy = policy;
    }

    public Trust verify(Bundle bundle) {
        try {
            return Trust.verified(check(bundle));
        } catch (VerificationException e) {
            return Trust.failed(e.getMessage());
        }
    }

    private String check(Bundle bundle) throws VerificationException {
        if (policy.ignoreTlog() && !bundle.signedWithCertificate()) {
            // The key is the whole of the trust: no log time is needed to judge a key that has no validity period.
            return PublicKeys.id(signingKey(bundle));
        }
        TrustedRoot root = policy.trustedRoot();
        if (root == null) {
            throw new VerificationException("a Sigstore bundle is verified against a trusted root: give --trusted-root"
                    + (bundle.signedWithCertificate() ? "" : ", or --insecure-ignore-tlog to trust the --key alone"));
        }
        PublicKey key = signingKey(bundle);
        byte[] signerDer = bundle.signedWithCertificate() ? der(bundle.leaf()) : key.getEncoded();
        LogEntry.Expected expected = new LogEntry.Expected(bundle.signature(), signerDer, signedDigest(bundle),
                bundle.envelope() == null ? null : bundle.envelope().payload());
        if (bundle.tlogEntries().isEmpty()) {
            throw new VerificationException("the bundle has no transparency-log entry");
        }
        List<Instant> times = new ArrayList<>();
        List<TrustedRoot.Log> logsWithoutTime = new ArrayList<>();
        for (Bundle.TlogEntry entry : bundle.tlogEntries()) {
            LogEntry.Verified verified = LogEntry.verify(entry, expected, root, policy.now());
            if (verified.integratedTime() != null) {
                requireValid(verified.log(), verified.integratedTime());
                times.add(verified.integratedTime());
            } else {
                logsWithoutTime.add(verified.log());
            }
        }
        for (byte[] timestamp : bundle.timestamps()) {
            times.add(SignedTimestamps.verify(timestamp, bundle.signature(), root));
        }
        if (times.isEmpty()) {
            throw new VerificationException("the bundle proves no time of signing: no signed log promise and no RFC 3161 timestamp");
        }
        for (TrustedRoot.Log log : logsWithoutTime) {
            for (Instant t : times) {
                requireValid(log, t);
            }
        }
        if (!bundle.signedWithCertificate()) {
            return PublicKeys.id(key);
        }
        TrustedRoot.Authority authority = null;
        for (Instant t : times) {
            authority = FulcioCertificate.chain(bundle.leaf(), bundle.certificates(), root, t);
        }
        if (!root.ctlogs().isEmpty()) {
            EmbeddedScts.verify(bundle.leaf(), authority.chain().get(0), root);
        }
        return FulcioCertificate.identity(bundle.leaf(), policy.identity(), policy.issuer());
    }

    /** The key that made the signature, which the signature must verify with before anything else is read. */
    private PublicKey signingKey(Bundle bundle) throws VerificationException {
        if (bundle.signedWithCertificate()) {
            PublicKey key = bundle.leaf().getPublicKey();
            if (!signatureVerifies(bundle, key)) {
                throw new VerificationException("the signature does not verify with the signing certificate's key");
            }
            return key;
        }
        if (policy.keys().isEmpty()) {
            throw new VerificationException("the bundle is signed with a managed key, and no --key was given");
        }
        for (PublicKey key : policy.keys()) {
            if (signatureVerifies(bundle, key)) {
                return key;
            }
        }
        throw new VerificationException("the signature does not verify with any given public key");
    }

    private boolean signatureVerifies(Bundle bundle, PublicKey key) throws VerificationException {
        if (bundle.envelope() != null) {
            checkSubject(bundle);
            return Signatures.verify(key, bundle.envelope().pae(), bundle.signature());
        }
        Artifact artifact = policy.artifact();
        if (artifact == null) {
            throw new VerificationException("a message-signature bundle is verified against its artifact: give --artifact FILE or --digest sha256:HEX");
        }
        byte[] stated = bundle.message().digest();
        if (stated != null && !java.util.Arrays.equals(stated, artifact.sha256())) {
            throw new VerificationException("the bundle's message digest is not the artifact's sha256 " + artifact.hex());
        }
        return artifact.bytes() != null
                ? Signatures.verify(key, artifact.bytes(), bundle.signature())
                : Signatures.verifyDigest(key, artifact.sha256(), bundle.signature());
    }

    /**
     * With an artifact given, a DSSE bundle must attest to it: the in-toto statement's subjects must include its
     * digest. Only the subject digests are read here; the statement itself is the in-toto reader's business.
     */
    private void checkSubject(Bundle bundle) throws VerificationException {
        Artifact artifact = policy.artifact();
        if (artifact == null) {
            return;
        }
        try {
            for (JsonNode subject : JSON.readTree(bundle.envelope().payload()).path("subject")) {
                if (subject.path("digest").path("sha256").asText("").equalsIgnoreCase(artifact.hex())) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new VerificationException("the envelope's payload is not JSON, so it names no subject", e);
        }
        throw new VerificationException("the attestation's subjects do not include the artifact's sha256 " + artifact.hex());
    }

    /** What the log records as signed: the artifact digest, or for a DSSE envelope (Rekor v2) the digest of its PAE. */
    private byte[] signedDigest(Bundle bundle) {
        if (bundle.envelope() != null) {
            return PublicKeys.sha256(bundle.envelope().pae());
        }
        return policy.artifact() != null ? policy.artifact().sha256() : bundle.message().digest();
    }

    private static void requireValid(TrustedRoot.Log log, Instant t) throws VerificationException {
        if (!log.validAt(t)) {
            throw new VerificationException("the transparency log " + log.origin() + " is not trusted at " + t
                    + " by the trusted root");
        }
    }

    private static byte[] der(X509Certificate c) throws VerificationException {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new VerificationException("the signing certificate cannot be encoded", e);
        }
    }
}
