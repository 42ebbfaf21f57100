package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.access.Scope;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.bench.PortfolioGenerator.Spec;
import io.supplygraph.cli.Main;
import io.supplygraph.server.Server;
import io.supplygraph.server.ServerOptions;
import io.supplygraph.server.ops.AccessLog;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.server.queue.QueueStatus;
import io.supplygraph.server.queue.WorkerStatus;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Scale-out: SBOMs uploaded to a server with a queue ({@code serve --queue}) and ingested by 1, 2, 4 ... workers,
 * each {@code supplygraph worker} in a JVM of its own, into a fresh PostgreSQL database per run.
 *
 * <pre>bench/run QueueBench [--db jdbc:postgresql://127.0.0.1:5432/sg_queue_bench?user=postgres]
 *     [--queue nats://127.0.0.1:4222] [--sboms 300] [--components 100] [--workers 1,2,4] [--clients 4]</pre>
 *
 * Per run: throughput (SBOMs/s from the first upload to the last job finished, as the job rows record it), how long
 * jobs waited in the queue (a worker's start minus the upload's 202: median, p95, max) and ran (median), the
 * workers' store retries (deadlocks, serialisation failures) and the server's deadlock count. The first worker of
 * each run records a JFR profile; its samples on the worker's thread are put in one of: parse (the format parsers
 * and fact assembly), match (vulnerability matching's own code), database (the store's SQL and the JDBC driver,
 * including waiting for the server's answer), queue (the NATS client), other. The load average is printed with
 * every figure: the machine is shared.
 */
public final class QueueBench {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);

    private QueueBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        String db = args.string("db", "jdbc:postgresql://127.0.0.1:5432/sg_queue_bench?user=postgres");
        String nats = args.string("queue", "nats://127.0.0.1:4222");
        int sboms = args.integer("sboms", 300);
        int components = args.integer("components", 100);
        int clients = args.integer("clients", 4);
        int[] workerCounts = Arrays.stream(args.string("workers", "1,2,4").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        args.done();

        List<Path> files = PortfolioGenerator.cached(Spec.portfolio(sboms, components));
        System.out.printf("QueueBench: %d SBOMs x %d components, %d uploading clients; load %s%n", files.size(),
                components, clients, ServerBench.loadAverage());
        for (int workers : workerCounts) {
            run(db, nats, files, workers, clients);
        }
    }

    private static void run(String db, String nats, List<Path> files, int workers, int clients) throws Exception {
        String database = PostgresDatabases.create(db, "w" + workers);
        QueueOptions queue = QueueOptions.at(nats).withName("queuebench_" + System.currentTimeMillis());
        Path out = Measurements.outFolder().resolve("queuebench");
        Files.createDirectories(out);
        Path profile = out.resolve("worker-" + workers + "-0.jfr");
        Files.deleteIfExists(profile);
        String token;
        try (Supplygraph graph = Supplygraph.open(database)) {
            token = graph.tokens().create("queuebench", Scope.WRITE).secret();
        }
        List<Process> processes = new ArrayList<>();
        try (JobQueue jobQueue = JobQueue.connect(queue, "queuebench")) {
            Server server = Server.start(ServerOptions.defaults(database, out.resolve("spool")).withPort(0)
                    .withAccessLog(AccessLog.Format.OFF, new PrintStream(PrintStream.nullOutputStream()))
                    .withQueue(queue));
            try {
                for (int w = 0; w < workers; w++) {
                    processes.add(startWorker(database, queue, "worker-" + w, w == 0 ? profile : null,
                            out.resolve("worker-" + workers + "-" + w + ".log")));
                }
                Thread.sleep(3000);
                String loadBefore = ServerBench.loadAverage();
                Instant first = Instant.now();
                List<String> ids = upload(server.url(), token, files, clients);
                Instant uploaded = Instant.now();
                List<Jobs.Job> jobs = awaitJobs(database, ids);
                String loadAfter = ServerBench.loadAverage();
                QueueStatus status = jobQueue.status();
                report(workers, files.size(), first, uploaded, jobs, status, database, loadBefore, loadAfter);
                double serverCpu = PostgresDatabases.backendCpuSeconds(database);
                System.out.printf("  PostgreSQL backends of this run used %.1f CPU s: %.0f ms per SBOM%n", serverCpu,
                        serverCpu * 1000 / files.size());
            } finally {
                processes.forEach(Process::destroy);
                for (Process p : processes) {
                    p.waitFor(2, TimeUnit.MINUTES);
                }
                server.stop();
                jobQueue.delete();
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
            PostgresDatabases.drop(database);
        }
        if (Files.exists(profile)) {
            System.out.println("  where worker-0's thread spent its samples: " + attribute(profile));
        }
    }

    /** {@code supplygraph worker} in a child JVM, as an operator runs it; a JFR profile when {@code profile}. */
    static Process startWorker(String database, QueueOptions queue, String name, Path profile, Path log)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        if (profile != null) {
            command.add("-XX:StartFlightRecording=filename=" + profile + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker",
                "--db", database, "--queue", queue.location(), "--queue-name", queue.name(), "--name", name));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Uploads every file with {@code clients} threads; the job ids, each answered 202. */
    private static List<String> upload(URI server, String token, List<Path> files, int clients) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ConcurrentLinkedQueue<Path> todo = new ConcurrentLinkedQueue<>(files);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (Path file = todo.poll(); file != null; file = todo.poll()) {
                    HttpResponse<String> reply = http.send(HttpRequest.newBuilder(server.resolve(
                            "api/v1/documents?name=" + file.getFileName())).header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (reply.statusCode() != 202) {
                        throw new IllegalStateException(file + " answered " + reply.statusCode() + ": "
                                + reply.body());
                    }
                    ids.add(reply.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return List.copyOf(ids);
    }

    private static List<Jobs.Job> awaitJobs(String database, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        try (Supplygraph graph = Supplygraph.open(database)) {
            while (true) {
                List<Jobs.Job> jobs = ids.stream().map(id -> graph.jobs().get(id)).toList();
                if (jobs.stream().allMatch(j -> j.finished() != null)) {
                    return jobs;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("jobs unfinished after " + RUN_LIMIT);
                }
                Thread.sleep(1000);
            }
        }
    }

    private static void report(int workers, int documents, Instant first, Instant uploaded, List<Jobs.Job> jobs,
            QueueStatus status, String database, String loadBefore, String loadAfter) {
        Instant last = jobs.stream().map(j -> Instant.parse(j.finished())).max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(first, last).toMillis() / 1000.0;
        long[] waits = jobs.stream().mapToLong(j -> millisBetween(j.created(), j.started())).toArray();
        long[] runs = jobs.stream().mapToLong(j -> millisBetween(j.started(), j.finished())).toArray();
        long failed = jobs.stream().filter(j -> j.state() != Jobs.State.DONE).count();
        long deadlocks = status.workers().stream().mapToLong(w -> w.retries().deadlocks()).sum();
        long serialization = status.workers().stream().mapToLong(w -> w.retries().serializationFailures()).sum();
        long done = status.workers().stream().mapToLong(WorkerStatus::done).sum();
        System.out.printf("%d worker(s): %d SBOMs in %.1f s = %.2f SBOMs/s (uploads took %.1f s); queue wait median"
                        + " %.0f ms, p95 %.0f ms, max %.0f ms; run median %.0f ms; jobs not done %d; workers report"
                        + " %d jobs, %d deadlock and %d serialization retries; server deadlocks %d; load %s -> %s%n",
                workers, documents, seconds, documents / seconds, Duration.between(first, uploaded).toMillis() / 1000.0,
                (double) Measurements.median(waits), (double) Measurements.percentile(waits, 0.95),
                (double) Measurements.percentile(waits, 1), (double) Measurements.median(runs), failed, done, deadlocks,
                serialization, PostgresDatabases.deadlocks(database), loadBefore, loadAfter);
    }

    private static long millisBetween(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).toMillis();
    }

    /**
     * The worker thread's execution and native-method samples, by the innermost frame of a known kind: the driver's
     * or the store's frames count as database even under matching, which is the database's part of matching.
     */
    static Map<String, String> attribute(Path recording) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        long total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                    continue;
                }
                if (event.getStackTrace() == null || !isWorkerThread(event)) {
                    continue;
                }
                counts.merge(kind(type, event.getStackTrace().getFrames()), 1L, Long::sum);
                total++;
            }
        }
        Map<String, String> shares = new TreeMap<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            shares.put(e.getKey(), String.format("%.0f%% (%d)", 100.0 * e.getValue() / total, e.getValue()));
        }
        return shares;
    }

    /** The worker's own thread and the ingest pipeline's parsing threads; not NATS's, JIT's or GC's. */
    private static boolean isWorkerThread(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        String name = thread == null ? "" : String.valueOf(thread.getJavaName());
        return name.equals("main") || name.startsWith("supplygraph-");
    }

    /**
     * A native sample under the JDBC driver is the worker waiting for PostgreSQL's answer (a socket read); any other
     * sample in the driver or the store is the worker's own database work (building and sending statements).
     */
    private static String kind(String event, List<RecordedFrame> frames) {
        boolean inDriver = frames.stream().anyMatch(f -> f.getMethod().getType().getName()
                .startsWith("org.postgresql."));
        if (inDriver && event.equals("jdk.NativeMethodSample")) {
            return "database: waiting for PostgreSQL";
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.postgresql.") || type.startsWith("io.supplygraph.store.")
                    || type.startsWith("com.zaxxer.hikari.")) {
                return "database: the worker's side";
            }
            if (type.startsWith("io.supplygraph.analysis.vulns.") || type.startsWith("io.supplygraph.model.osv.")
                    || type.startsWith("io.supplygraph.model.version.")) {
                return "match";
            }
            if (type.startsWith("io.supplygraph.ingest.") || type.startsWith("com.fasterxml.jackson.")) {
                return "parse";
            }
            if (type.startsWith("io.nats.")) {
                return "queue";
            }
        }
        return "other";
    }
}
