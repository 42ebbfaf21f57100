package io.supplygraph.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find {@code ../shared/corpus}: the real public documents they check against. A user's clone
 * has no corpus, so tests that need it skip with a message saying so instead of failing; CI always has it.
 */
public final class Corpus {

    private Corpus() {}

    /** The corpus root, or a skipped test when it is absent. */
    public static Path root() {
        String configured = System.getProperty("supplygraph.corpus", "");
        Path root = configured.isEmpty() ? Path.of("..", "..", "shared", "corpus") : Path.of(configured);
        assumeTrue(Files.isDirectory(root),
                "corpus not found at " + root.toAbsolutePath().normalize()
                        + " (set -Dsupplygraph.corpus=DIR, or place ../shared/corpus beside the project root)");
        return root;
    }

    /** A folder or file inside the corpus, or a skipped test when it is absent. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "corpus entry not found: " + p.toAbsolutePath().normalize());
        return p;
    }
}
