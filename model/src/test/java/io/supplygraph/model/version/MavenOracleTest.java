package io.supplygraph.model.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link MavenScheme} against Maven's own {@code ComparableVersion} (maven-artifact 3.9.6, what Maven 3.9 resolves
 * version ranges with) as the oracle: the expected order of every pair is what Maven says, never what the scheme
 * says. Pairs are generated from mixtures of separators, digits and qualifiers, the shapes real version strings take
 * and where a reimplementation goes wrong.
 */
class MavenOracleTest {

    private static final String[] SEPARATORS = {".", "-", "_", ""};
    private static final String[] QUALIFIERS = {"alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "CR", "RC",
        "snapshot", "SNAPSHOT", "ga", "final", "FINAL", "release", "sp", "Beta", "sec", "noneautotype", "foo", "jre",
        "android", "M", "GA", "pr", "dev", "x"};
    private static final String[] NUMBERS = {"0", "1", "2", "3", "9", "10", "01", "31", "20240101"};

    private static int maven(String a, String b) {
        return Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
    }

    private static int ours(String a, String b) {
        return VersionSchemes.MAVEN.compare(a, b);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = ' ', value = {
        // the pairs the issue found ordered wrongly
        "3.2.0rc2 3.2.0-rc.1", "1.1.31.sec10 1.1.31_noneautotype", "1.5.9.RC1 1.5.9-RC0", "3.5.0-CR-2 3.5.0.Beta-1",
        // where the peer vectors' prose-based expectations and ComparableVersion part (PeerVectorsTest)
        "1-ga-1 1-1", "1-1.foo-bar-1-baz-0.1 1-1.foo-bar1baz-.1", "1.0.0.RC1 1.0.0-RC2", "1.0-RC1 1.0-cr1", "1.0-SNAPSHOT 1.0-20240101.123456-1",
    })
    void ordersAsMavenDoes(String a, String b) {
        assertThat(ours(a, b)).as("%s vs %s", a, b).isEqualTo(maven(a, b));
        assertThat(ours(b, a)).as("%s vs %s", b, a).isEqualTo(maven(b, a));
    }

    @Test
    void generatedMixturesOfSeparatorsDigitsAndQualifiersOrderAsMavenDoes() {
        Random random = new Random(20261130);
        List<String> disagreements = new ArrayList<>();
        int pairs = 40_000;
        for (int i = 0; i < pairs; i++) {
            String base = version(random);
            // half the pairs share a prefix, where the subtle rules decide
            String a = random.nextBoolean() ? base + tail(random) : version(random);
            String b = base + tail(random);
            if (ours(a, b) != maven(a, b)) {
                disagreements.add(a + " vs " + b + ": Maven " + maven(a, b) + ", ours " + ours(a, b));
            }
        }
        assertThat(disagreements).as("of %d generated pairs", pairs).isEmpty();
    }

    private static String version(Random random) {
        StringBuilder v = new StringBuilder(pick(random, NUMBERS));
        int parts = random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            v.append('.').append(pick(random, NUMBERS));
        }
        return v.toString();
    }

    private static String tail(Random random) {
        StringBuilder t = new StringBuilder();
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            t.append(pick(random, SEPARATORS));
            t.append(random.nextInt(3) == 0 ? pick(random, NUMBERS) : pick(random, QUALIFIERS));
            if (random.nextInt(3) == 0) {
                t.append(random.nextBoolean() ? pick(random, SEPARATORS) : "").append(pick(random, NUMBERS));
            }
        }
        return t.toString();
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
