package io.supplygraph.ingest.verify;

import io.supplygraph.ingest.sigstore.TrustedRoot;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * RFC 3161 timestamps over a bundle's signature: a timestamp authority of the trusted root vouches that the
 * signature existed at a time, which then must fall within the signing certificate's short validity. Only the
 * root's certificates are trusted; a certificate the token embeds is not.
 */
final class SignedTimestamps {

    private static final Map<String, String> DIGESTS = Map.of(
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");

    private SignedTimestamps() {}

    /** The verified time at which {@code signature} existed. */
    static Instant verify(byte[] response, byte[] signature, TrustedRoot root) throws VerificationException {
        TimeStampToken token;
        try {
            token = new TimeStampResponse(response).getTimeStampToken();
        } catch (TSPException | IOException | RuntimeException e) {
            throw new VerificationException("an RFC 3161 timestamp cannot be read", e);
        }
        if (token == null) {
            throw new VerificationException("an RFC 3161 timestamp response carries no token");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        String algorithm = DIGESTS.get(info.getMessageImprintAlgOID().getId());
        if (algorithm == null || !Arrays.equals(digest(algorithm, signature), info.getMessageImprintDigest())) {
            throw new VerificationException("an RFC 3161 timestamp is not over the bundle's signature");
        }
        Instant time = info.getGenTime().toInstant();
        String lastFailure = "the trusted root lists no timestamp authority";
        for (TrustedRoot.Authority authority : root.timestampAuthorities()) {
            if (authority.chain().isEmpty()) {
                continue;
            }
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority.chain().get(0)));
            } catch (TSPException | OperatorCreationException | RuntimeException e) {
                lastFailure = "the timestamp's signature does not verify with " + authority.uri();
                continue;
            }
            if (!authority.validAt(time)) {
                throw new VerificationException("the timestamp authority " + authority.uri() + " is not valid at "
                        + time + ", when it stamped the signature");
            }
            for (X509Certificate c : authority.chain()) {
                FulcioCertificate.validAt(c, time);
            }
            return time;
        }
        throw new VerificationException("an RFC 3161 timestamp is not from a trusted authority: " + lastFailure);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is in every Java platform", e);
        }
    }
}
