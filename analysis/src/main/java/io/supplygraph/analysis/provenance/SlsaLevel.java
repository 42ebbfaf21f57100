package io.supplygraph.analysis.provenance;

import com.fasterxml.jackson.annotation.JsonValue;
import io.supplygraph.model.Trust;
import java.util.regex.Pattern;

/**
 * The SLSA Build level a provenance earns, derived only where it can be derived honestly. A provenance document
 * says which builder made it, but anyone can write any builder id into a document; the level is a property of
 * the builder, and the document is evidence of it only once its signature is verified against that builder's
 * identity. Hence the rule, explicitly:
 *
 * <ul>
 * <li><b>L3</b> when the document's trust is {@code verified}, by a keyless signature whose certificate identity is
 *     the builder id itself (as slsa-verifier checks: a document signed by anyone else who merely names that builder
 *     proves nothing), and its builder id is one of the slsa-github-generator
 *     reusable workflows ({@code https://github.com/slsa-framework/slsa-github-generator/.github/workflows/*_slsa3.yml}
 *     at a release tag): builders that run isolated from the calling workflow and sign with their own workflow
 *     identity, which is what SLSA Build L3 asks and what slsa-verifier checks;</li>
 * <li><b>unknown</b> otherwise: an unverified document, or a builder whose level we have no basis to state (the
 *     document's own claims of a level are not evidence).</li>
 * </ul>
 *
 * Document trust comes from signature verification at ingest ({@code ingest/verify}).
 */
public enum SlsaLevel {
    L3("L3"),
    UNKNOWN("unknown");

    private static final Pattern SLSA_GITHUB_GENERATOR = Pattern.compile(
            "^https://github\\.com/slsa-framework/slsa-github-generator/\\.github/workflows/"
                    + "[a-z_-]+_slsa3\\.yml@refs/tags/v\\d+\\.\\d+\\.\\d+$");

    private final String label;

    SlsaLevel(String label) {
        this.label = label;
    }

    /** As output names it: {@code L3}, {@code unknown}. */
    @JsonValue
    public String label() {
        return label;
    }

    /**
     * @param trust who signed the provenance document, if anyone did: for keyless signatures the signer is the
     *              certificate identity (and issuer)
     */
    public static SlsaLevel of(String builderId, Trust trust) {
        String signer = trust.signer();
        boolean signedByTheBuilder = signer != null && builderId != null
                && (signer.equals(builderId) || signer.startsWith(builderId + " ("));
        return trust.isVerified() && signedByTheBuilder && isTrustedL3Builder(builderId) ? L3 : UNKNOWN;
    }

    static boolean isTrustedL3Builder(String builderId) {
        return builderId != null && SLSA_GITHUB_GENERATOR.matcher(builderId).matches();
    }
}
