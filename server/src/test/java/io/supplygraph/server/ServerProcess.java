package io.supplygraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server in a child JVM ({@link ChildServer}), for what only a process of its own can show: a SIGKILL, a SIGTERM,
 * a heap limit. Its classpath is the test's, so it runs the code under test. Its output goes to files rather than
 * a pipe, so that nobody has to keep reading it and a killed child's last lines stay readable.
 */
final class ServerProcess extends ApiClient implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    final Process process;
    private final Path out;
    private final Path err;

    private ServerProcess(URI url, Tokens tokens, String database, Process process, Path out, Path err) {
        super(url, tokens, database);
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts a server on {@code database} and {@code spool} with these JVM options, and a write and a read token
     * for it; returns once it listens.
     *
     * @param logs where the child's stdout and stderr go, as {@code NAME.out} and {@code NAME.err}
     */
    static ServerProcess start(String name, String database, Path spool, List<String> jvmOptions, Path logs)
            throws IOException, InterruptedException {
        Tokens tokens = Tokens.createIn(database);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildServer.class.getName(), database,
                spool.toString()));
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<URI> url = listening(out);
            if (url.isPresent()) {
                return new ServerProcess(url.get(), tokens, database, process, out, err);
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before listening: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError(name + " did not listen within " + START_LIMIT + ": "
                + Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Optional<URI> listening(Path out) throws IOException {
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith(ChildServer.LISTENING))
                .map(line -> URI.create(line.substring(ChildServer.LISTENING.length()).strip()))
                .findFirst();
    }

    /** SIGKILL, and waits until the process is gone: no shutdown hook runs, nothing is flushed or closed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: the shutdown hook stops the server as {@code supplygraph serve} does. */
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
