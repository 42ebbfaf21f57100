package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./supplygraph} launcher, in a checkout of its own: a stand-in {@code java} prints what it was asked to
 * run, so no build is needed.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    private Path script;
    private Path jar;

    @BeforeEach
    void checkout() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path repo = Files.createDirectories(tmp.resolve("checkout"));
        script = Files.copy(Path.of("../supplygraph"), repo.resolve("supplygraph"));
        jar = Files.createDirectories(repo.resolve("cli/target")).resolve("supplygraph.jar");
        Files.writeString(jar, "stands in for the jar, newer than every source here");
        Path fakeJava = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"java $*\"\n");
        for (Path p : new Path[] {script, fakeJava}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** What the launcher, started as {@code command}, ran. */
    private String launch(Path command, String... args) throws Exception {
        String[] line = new String[args.length + 1];
        line[0] = command.toString();
        System.arraycopy(args, 0, line, 1, args.length);
        ProcessBuilder launch = new ProcessBuilder(line).redirectErrorStream(true).directory(tmp.toFile());
        launch.environment().put("PATH", tmp.resolve("jdk/bin") + ":" + System.getenv("PATH"));
        launch.environment().remove("SUPPLYGRAPH_JAVA_OPTS");
        Process p = launch.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLinkOnThePathRunsTheJarBesideTheScript(boolean relativeLink) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = bin.resolve("supplygraph");
        Files.createSymbolicLink(link, relativeLink ? bin.relativize(script) : script);
        assertThat(launch(link, "--version")).isEqualTo("java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "
                + jar.toAbsolutePath() + " --version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "serve"})
    void aLongCommandKeepsTheJvmDefaultsAndAnArchiveNewerThanTheJarIsUsed(String command) throws Exception {
        Path archive = jar.resolveSibling("supplygraph.jsa");
        Files.writeString(archive, "stands in for the class-data archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(launch(script, command)).isEqualTo("java -XX:SharedArchiveFile=" + archive.toAbsolutePath()
                + " -Xlog:cds=off -Xlog:cds+dynamic=off -jar " + jar.toAbsolutePath() + " " + command);
    }
}
