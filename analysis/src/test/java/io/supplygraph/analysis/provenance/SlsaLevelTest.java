package io.supplygraph.analysis.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlsaLevelTest {

    static final String GENERATOR = "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
            + "generator_generic_slsa3.yml@refs/tags/v1.2.0";

    @Test
    void aVerifiedDocumentOfTheSlsaGithubGeneratorIsLevel3() {
        assertThat(SlsaLevel.of(GENERATOR, SlsaLevel.VERIFIED)).isEqualTo("L3");
    }

    @Test
    void anUnverifiedDocumentEarnsNoLevelWhateverItsBuilder() {
        assertThat(SlsaLevel.of(GENERATOR, SlsaLevel.UNKNOWN_TRUST)).isEqualTo("unknown");
    }

    @Test
    void aLookAlikeBuilderEarnsNoLevel() {
        // slsa-verifier's binary-linux-amd64-untrusted-builder.intoto.jsonl: the same workflow in a fork
        assertThat(SlsaLevel.of("https://github.com/asraa/slsa-github-generator/.github/workflows/"
                + "builder_go_slsa3.yml@refs/tags/v1.4.0", SlsaLevel.VERIFIED)).isEqualTo("unknown");
        // a branch instead of a release tag is not the reviewed builder either
        assertThat(SlsaLevel.of("https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
                + "generator_generic_slsa3.yml@refs/heads/main", SlsaLevel.VERIFIED)).isEqualTo("unknown");
        assertThat(SlsaLevel.of(null, SlsaLevel.VERIFIED)).isEqualTo("unknown");
    }
}
