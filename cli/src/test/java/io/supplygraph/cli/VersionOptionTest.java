package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code --version} names the build: the project's version and the commit it was built from. */
class VersionOptionTest {

    @Test
    void versionNamesTheProjectVersionAndTheCommit() throws Exception {
        CliRun run = CliRun.of("--version");
        assertThat(run.exit()).isZero();
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + "<version>".length(), pom.indexOf("</version>"));
        assertThat(run.out().strip()).startsWith("supplygraph " + version + " (commit ");

        Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0, "not built from a git checkout");
        assertThat(run.out().strip()).as("the commit the classes were built from, in this build")
                .isIn("supplygraph " + version + " (commit " + head + ")",
                        "supplygraph " + version + " (commit " + head + "-dirty)");
    }
}
