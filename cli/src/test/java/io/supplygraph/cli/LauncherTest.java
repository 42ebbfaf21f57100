package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./supplygraph} launcher run through a symbolic link on PATH finds the jar beside the script, not beside
 * the link. A stand-in {@code java} prints what it was asked to run, so no build is needed.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLinkOnThePathRunsTheJarBesideTheScript(boolean relativeLink) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path repo = Files.createDirectories(tmp.resolve("checkout"));
        Path script = Files.copy(Path.of("../supplygraph"), repo.resolve("supplygraph"));
        Path jar = Files.createDirectories(repo.resolve("cli/target")).resolve("supplygraph.jar");
        Files.writeString(jar, "stands in for the jar, newer than every source here");
        Path fakeJava = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"java $*\"\n");
        for (Path p : new Path[] {script, fakeJava}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = bin.resolve("supplygraph");
        Files.createSymbolicLink(link, relativeLink ? bin.relativize(script) : script);

        ProcessBuilder launch = new ProcessBuilder(link.toString(), "--version").redirectErrorStream(true)
                .directory(tmp.toFile());
        launch.environment().put("PATH", fakeJava.getParent() + ":" + System.getenv("PATH"));
        launch.environment().remove("SUPPLYGRAPH_JAVA_OPTS");
        Process p = launch.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("java -jar " + jar.toAbsolutePath() + " --version");
    }
}
