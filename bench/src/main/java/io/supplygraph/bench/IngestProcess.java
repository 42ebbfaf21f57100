package io.supplygraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code supplygraph ingest --json} in a child JVM, as a user or a CI job runs it: a process of its own with
 * its own connection, sharing nothing with the others but the database. The child's classpath is this JVM's (the
 * bench jar, or the test classpath), so it runs the code under test. Its output goes to files rather than pipes:
 * a child writing more than a pipe holds while nobody reads would stall, and a killed child's files stay readable.
 */
final class IngestProcess {

    private static final String MAIN = "io.supplygraph.cli.Main";

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;

    private IngestProcess(String name, Process process, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code supplygraph ingest} of {@code files} into {@code db}.
     *
     * @param jvmOptions for the child JVM, such as its heap limit
     * @param logs       the folder for the child's stdout and stderr, named after {@code name}
     */
    static IngestProcess start(String name, String db, List<Path> files, List<String> jvmOptions, Path logs)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN,
                "ingest", "--json", "--no-progress", "--db", db));
        files.forEach(f -> command.add(f.toString()));
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out.json");
        Path err = logs.resolve(name + ".err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close(); // stdin: none, as for a batch job
        return new IngestProcess(name, process, out, err);
    }

    /** Starts one process per share, all at once, so that their writes overlap. */
    static List<IngestProcess> startEach(String db, List<List<Path>> shares, List<String> jvmOptions, Path logs)
            throws IOException {
        List<IngestProcess> started = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            started.add(start("writer-" + i, db, shares.get(i), jvmOptions, logs));
        }
        return started;
    }

    /** {@code files} dealt round-robin into {@code count} shares: no file in two shares, sizes within one. */
    static List<List<Path>> disjointShares(List<Path> files, int count) {
        List<List<Path>> shares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            shares.get(i % count).add(files.get(i));
        }
        return shares;
    }

    /**
     * SIGKILL: the process gets no chance to roll back, close its connection or write its summary.
     *
     * @return whether it was still running, so that the kill cut something short
     */
    boolean kill() {
        boolean running = process.isAlive();
        process.destroyForcibly();
        return running;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the process to end and reads what it printed. One that outlives {@code limit} is killed and
     * reported as failed, so that a hung writer fails a run instead of hanging it.
     */
    IngestRun await(Duration limit) throws IOException, InterruptedException {
        boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        return IngestRun.parse(name, ended ? process.exitValue() : IngestRun.TIMED_OUT,
                Files.readString(out, StandardCharsets.UTF_8),
                ended ? stderr : stderr + "\nkilled: still running when the time allowed ran out");
    }

    /** Waits for every process, all of them within {@code limit} of now. */
    static List<IngestRun> awaitAll(List<IngestProcess> processes, Duration limit)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<IngestRun> runs = new ArrayList<>();
        for (IngestProcess p : processes) {
            runs.add(p.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        }
        return runs;
    }
}
