package io.supplygraph.model.version;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every assertion of osv-scalibr's version vectors (line format in the corpus's FORMAT.md), checked in both
 * directions. Files are matched to ecosystems by the table in FORMAT.md, so a new "-generated" file of the same
 * ecosystem is picked up without a change here.
 */
class PeerVectorsTest {

    private static final String DIR = "version-vectors/osv-scalibr-semantic";
    private static final Map<String, String> ECOSYSTEM_BY_FILE_PREFIX = Map.ofEntries(
            Map.entry("semver", "npm"), Map.entry("rubygems", "RubyGems"), Map.entry("nuget", "NuGet"),
            Map.entry("packagist", "Packagist"), Map.entry("maven", "Maven"), Map.entry("pypi", "PyPI"),
            Map.entry("debian", "Debian"), Map.entry("cran", "CRAN"), Map.entry("alpine", "Alpine"),
            Map.entry("redhat", "Red Hat"), Map.entry("hackage", "Hackage"), Map.entry("pub", "Pub"));

    /**
     * Assertions where the peer's hand-written vector follows the POM reference's prose and Maven's own
     * ComparableVersion (maven-artifact 3.9.6, the native tool; {@code MavenOracleTest} checks these very pairs
     * against it) disagrees: 3.9 has no "ga-1 is 1" rule, so {@code 1-ga-1} is the list [1, [ga, [1]]] whose
     * release qualifier is dropped as a trailing null only at the end of a list, and orders before {@code 1-1}. We
     * side with the native tool and check that.
     */
    private static final Map<String, Integer> NATIVE_TOOL_DISAGREES = Map.of(
            "Maven 1-1 = 1-ga-1", 1);

    static Stream<Arguments> vectorFiles() throws IOException {
        Path dir = Corpus.path(DIR);
        List<Arguments> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().endsWith("-versions.txt")
                            || p.getFileName().toString().endsWith("-versions-generated.txt"))
                    .sorted()
                    .forEach(p -> {
                        String prefix = p.getFileName().toString().replaceFirst("-versions.*$", "");
                        String ecosystem = ECOSYSTEM_BY_FILE_PREFIX.get(prefix);
                        if (ecosystem != null) {
                            files.add(Arguments.of(p.getFileName().toString(), ecosystem));
                        }
                    });
        }
        assertTrue(files.size() >= 12, "expected the vector files named in FORMAT.md, found " + files);
        return files.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("vectorFiles")
    void everyAssertionHoldsBothWays(String file, String ecosystem) throws IOException {
        VersionScheme scheme = VersionSchemes.forOsvName(ecosystem).orElseThrow();
        List<String> lines = Files.readAllLines(Corpus.path(DIR + "/" + file));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isEmpty() || line.startsWith("# ") || line.startsWith("// ")) {
                continue;
            }
            String[] f = line.split(" ");
            if (f.length != 3) {
                failures.add(file + ":" + (n + 1) + ": malformed line '" + line + "'");
                continue;
            }
            int expected = switch (f[1]) {
                case "<" -> -1;
                case "=" -> 0;
                case ">" -> 1;
                default -> throw new IllegalArgumentException(file + ":" + (n + 1) + ": unknown operator " + f[1]);
            };
            expected = NATIVE_TOOL_DISAGREES.getOrDefault(ecosystem + " " + line, expected);
            checked++;
            try {
                int forward = scheme.compare(f[0], f[2]);
                int backward = scheme.compare(f[2], f[0]);
                if (forward != expected || backward != -expected) {
                    failures.add(file + ":" + (n + 1) + ": " + line + " but compare gave " + forward
                            + " and reversed " + backward);
                }
            } catch (InvalidVersionException e) {
                failures.add(file + ":" + (n + 1) + ": " + line + " but " + e.getMessage());
            }
        }
        assertTrue(checked > 0, file + " holds no assertions");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " assertions fail:\n"
                + String.join("\n", failures));
    }
}
