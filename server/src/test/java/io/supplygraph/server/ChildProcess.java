package io.supplygraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the tests in a child JVM, for what only a process of its own can show: a SIGKILL, a SIGTERM, a heap
 * limit. Its classpath is the test's, so it runs the code under test. Its output goes to files rather than a pipe,
 * so that nobody has to keep reading it and a killed child's last lines stay readable.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    final Process process;
    private final Path out;
    private final Path err;

    private ChildProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs {@code main} with these JVM options and arguments; returns once it printed a line starting with
     * {@code ready}, with the rest of that line.
     *
     * @param logs where the child's stdout and stderr go, as {@code NAME.out} and {@code NAME.err}
     */
    static Started start(String name, Class<?> main, List<String> jvmOptions, List<String> args, Path logs,
            String ready) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        ChildProcess child = new ChildProcess(process, out, err);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(ready)).findFirst();
            if (line.isPresent()) {
                return new Started(child, line.get().substring(ready.length()).strip());
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready: "
                        + child.output());
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError(name + " was not ready within " + START_LIMIT + ": " + child.output());
    }

    /** A child that is ready, and what followed the ready mark on its line. */
    record Started(ChildProcess child, String rest) {}

    /** SIGKILL, and waits until the process is gone: no shutdown hook runs, nothing is flushed or closed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: the child's shutdown hook runs. */
    void terminate() {
        process.destroy();
    }

    /** The exit code, or empty when the process still runs after {@code limit}. */
    Optional<Integer> exitWithin(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue())
                : Optional.empty();
    }

    /** What the child wrote on both streams, for an assertion's message. */
    String output() {
        try {
            return "stdout:\n" + Files.readString(out, StandardCharsets.UTF_8) + "\nstderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
