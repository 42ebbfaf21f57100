package io.supplygraph.analysis.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.model.Trust;
import org.junit.jupiter.api.Test;

class SlsaLevelTest {

    static final String GENERATOR = "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
            + "generator_generic_slsa3.yml@refs/tags/v1.2.0";

    /** How a verified keyless signature's signer reads: the certificate identity, then the OIDC issuer. */
    static final String SIGNED_BY_GENERATOR = GENERATOR + " (https://token.actions.githubusercontent.com)";

    @Test
    void aDocumentVerifiedAsSignedByTheSlsaGithubGeneratorIsLevel3() {
        assertThat(SlsaLevel.of(GENERATOR, Trust.verified(SIGNED_BY_GENERATOR))).isEqualTo(SlsaLevel.L3);
    }

    @Test
    void anUnverifiedDocumentEarnsNoLevelWhateverItsBuilder() {
        assertThat(SlsaLevel.of(GENERATOR, Trust.UNSIGNED)).isEqualTo(SlsaLevel.UNKNOWN);
        assertThat(SlsaLevel.of(GENERATOR, Trust.failed("no signature verifies"))).isEqualTo(SlsaLevel.UNKNOWN);
    }

    @Test
    void aDocumentSignedBySomeoneElseWhoNamesTheGeneratorEarnsNoLevel() {
        assertThat(SlsaLevel.of(GENERATOR, Trust.verified("sha256:9f86d081884c7d659a2feaa0c55ad015")))
                .isEqualTo(SlsaLevel.UNKNOWN);
        assertThat(SlsaLevel.of(GENERATOR,
                Trust.verified("https://github.com/someone/repo/.github/workflows/release.yml@refs/heads/main")))
                .isEqualTo(SlsaLevel.UNKNOWN);
    }

    @Test
    void aLookAlikeBuilderEarnsNoLevel() {
        // slsa-verifier's binary-linux-amd64-untrusted-builder.intoto.jsonl: the same workflow in a fork
        assertThat(SlsaLevel.of("https://github.com/asraa/slsa-github-generator/.github/workflows/"
                + "builder_go_slsa3.yml@refs/tags/v1.4.0", Trust.verified(SIGNED_BY_GENERATOR)))
                .isEqualTo(SlsaLevel.UNKNOWN);
        // a branch instead of a release tag is not the reviewed builder either
        assertThat(SlsaLevel.of("https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
                + "generator_generic_slsa3.yml@refs/heads/main", Trust.verified(SIGNED_BY_GENERATOR)))
                .isEqualTo(SlsaLevel.UNKNOWN);
        assertThat(SlsaLevel.of(null, Trust.verified(SIGNED_BY_GENERATOR))).isEqualTo(SlsaLevel.UNKNOWN);
    }
}
