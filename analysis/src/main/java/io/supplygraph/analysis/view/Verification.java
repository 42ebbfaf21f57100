package io.supplygraph.analysis.view;

import io.supplygraph.model.Trust;

/**
 * Whether a signed document verified: {@code verify --json}.
 *
 * @param reason why not, when it did not
 * @param signer who signed it, when it did
 */
public record Verification(boolean verified, String reason, String signer) {

    public static Verification of(Trust trust) {
        return new Verification(trust.isVerified(), trust.reason(), trust.signer());
    }
}
