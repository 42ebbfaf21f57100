package io.supplygraph.ingest.verify;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.Trust;

/**
 * How ingest treats signatures: what they are verified against, and whether a document without a verified
 * signature is stored (marked unsigned or failed, the default) or rejected ({@code --require-signature}).
 */
public record TrustPolicy(VerificationPolicy verification, boolean requireSignature) {

    /** Verify nothing, accept everything, and mark each document with what was found. */
    public static TrustPolicy lenient() {
        return new TrustPolicy(VerificationPolicy.none(), false);
    }

    /** Returns {@code trust}, or rejects the document when a verified signature is required and this is not one. */
    public Trust admit(Trust trust) throws DocumentRejectedException {
        if (requireSignature && !trust.isVerified()) {
            throw new DocumentRejectedException(trust instanceof Trust.Failed f
                    ? "signature not verified (--require-signature): " + f.reason()
                    : "unsigned, and --require-signature rejects documents without a verified signature");
        }
        return trust;
    }
}
