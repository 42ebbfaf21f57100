package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.vulns.RematchBacklog;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.bench.PortfolioGenerator.Spec;
import io.supplygraph.bench.vulns.SeededAdvisories;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.server.queue.RematchJobs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Re-matching as jobs: an advisory update imported into a portfolio in PostgreSQL, matched in the import's own
 * transaction (as without a queue) against the same import stored unmatched and matched by re-match jobs that 1, 2
 * ... {@code supplygraph worker} processes share. Each run starts from a copy of one graph (SBOMs ingested once), and
 * must end with the findings the in-process import made.
 *
 * <pre>bench/run RematchBench [--db jdbc:postgresql://127.0.0.1:5432/sg_rematch_bench?user=postgres]
 *     [--queue nats://127.0.0.1:4222] [--sboms 300] [--components 100] [--advisories 20000] [--workers 1,2]
 *     [--seed 42]</pre>
 *
 * Per run: the import storing without matching, the publishing of the jobs, and the matching across the workers
 * (from the first job's start to the last job's end, as the job rows record them: worker start-up is not in it),
 * with the jobs' median run time; against the in-process import's one figure. The load average is printed with
 * every figure: the machine is shared.
 */
public final class RematchBench {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(30);

    private RematchBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        String db = args.string("db", "jdbc:postgresql://127.0.0.1:5432/sg_rematch_bench?user=postgres");
        String nats = args.string("queue", "nats://127.0.0.1:4222");
        int sboms = args.integer("sboms", 300);
        int components = args.integer("components", 100);
        int advisories = args.integer("advisories", 20_000);
        long seed = args.number("seed", 42);
        int[] workerCounts = Arrays.stream(args.string("workers", "1,2").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        args.done();

        Path out = Files.createDirectories(Measurements.outFolder().resolve("rematchbench"));
        Path zip = out.resolve("advisories-" + advisories + "-seed" + seed + ".zip");
        List<Path> files = PortfolioGenerator.cached(Spec.portfolio(sboms, components));
        String base = PostgresDatabases.create(db, "base");
        try {
            try (Supplygraph graph = Supplygraph.open(base)) {
                long t = System.nanoTime();
                graph.ingest(files.stream().map(Path::toString).toList(), InputStream.nullInputStream(),
                        new IngestListener() {});
                SeededAdvisories.Written written = SeededAdvisories.write(graph, advisories, seed, zip,
                        (i, cve, random) -> { });
                System.out.printf("RematchBench: %d SBOMs x %d components ingested in %.1f s; %,d advisories over"
                                + " %,d packages; load %s%n", files.size(), components, seconds(t),
                        written.advisories(), written.packagesWithTwoVersions(), Measurements.loadAverage());
            }
            Set<String> expected = inProcess(base, zip);
            for (int workers : workerCounts) {
                queued(base, nats, zip, workers, expected, out);
            }
        } finally {
            PostgresDatabases.drop(base);
        }
    }

    /** The import matching in its own transactions, as without a queue; the findings it made. */
    private static Set<String> inProcess(String base, Path zip) {
        String database = PostgresDatabases.copy(base, "inprocess");
        try (Supplygraph graph = Supplygraph.open(database)) {
            String load = Measurements.loadAverage();
            long t = System.nanoTime();
            graph.importAdvisories(List.of(zip.toString()), InputStream.nullInputStream(), new IngestListener() {});
            double took = seconds(t);
            Set<String> findings = findings(graph);
            System.out.printf("in-process import and match: %.1f s, %,d findings; load %s -> %s%n", took,
                    findings.size(), load, Measurements.loadAverage());
            return findings;
        } finally {
            PostgresDatabases.drop(database);
        }
    }

    private static void queued(String base, String nats, Path zip, int workers, Set<String> expected, Path out)
            throws Exception {
        String database = PostgresDatabases.copy(base, "w" + workers);
        QueueOptions queue = QueueOptions.at(nats).withName("rematchbench_" + System.currentTimeMillis());
        List<Process> processes = new ArrayList<>();
        try (Supplygraph graph = Supplygraph.open(database); JobQueue jobs = JobQueue.connect(queue, "rematchbench")) {
            String load = Measurements.loadAverage();
            long t = System.nanoTime();
            graph.importAdvisoriesForRematch(List.of(zip.toString()), InputStream.nullInputStream(),
                    new IngestListener() {});
            double storing = seconds(t);
            t = System.nanoTime();
            RematchJobs.Published published = RematchJobs.publish(graph, jobs, "rematchbench");
            double publishing = seconds(t);
            for (int w = 0; w < workers; w++) {
                processes.add(QueueBench.startWorker(database, queue, "worker-" + w, null,
                        out.resolve("worker-" + workers + "-" + w + ".log")));
            }
            List<Jobs.Job> done = awaitTheJobs(graph, published.jobs());
            Instant first = done.stream().map(j -> Instant.parse(j.started())).min(Instant::compareTo).orElseThrow();
            Instant last = done.stream().map(j -> Instant.parse(j.finished())).max(Instant::compareTo).orElseThrow();
            long[] runs = done.stream().mapToLong(j -> Duration.between(Instant.parse(j.started()),
                    Instant.parse(j.finished())).toMillis()).toArray();
            Set<String> findings = findings(graph);
            System.out.printf("%d worker(s): storing unmatched %.1f s; publishing %d jobs of %,d keys %.2f s; matching"
                            + " across the workers %.1f s (job median %d ms, max %d ms); storing + matching %.1f s;"
                            + " findings %s; load %s -> %s%n", workers, storing, published.jobs().size(),
                    published.keys(), publishing, Duration.between(first, last).toMillis() / 1000.0,
                    Measurements.median(runs), Measurements.percentile(runs, 1),
                    storing + Duration.between(first, last).toMillis() / 1000.0,
                    findings.equals(expected) ? "the same as in-process (" + findings.size() + ")"
                            : "DIFFERENT: " + findings.size() + " against " + expected.size(), load,
                    Measurements.loadAverage());
            if (!findings.equals(expected)) {
                throw new IllegalStateException("re-match jobs found other findings than the in-process import");
            }
            jobs.delete();
        } finally {
            processes.forEach(Process::destroy);
            for (Process p : processes) {
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                }
            }
            PostgresDatabases.drop(database);
        }
    }

    /** The jobs once each has finished and no match key waits any more. */
    private static List<Jobs.Job> awaitTheJobs(Supplygraph graph, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (true) {
            List<Jobs.Job> jobs = ids.stream().map(id -> graph.jobs().get(id)).toList();
            if (jobs.stream().allMatch(j -> j.finished() != null)
                    && graph.rematchBacklog().equals(new RematchBacklog(0, 0))) {
                return jobs;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("re-match jobs unfinished after " + RUN_LIMIT + ": "
                        + graph.rematchBacklog());
            }
            Thread.sleep(200);
        }
    }

    /** Every finding, as its package version, advisory, status and fixed versions. */
    private static Set<String> findings(Supplygraph graph) {
        return graph.vulns(new Vulns.Query(null, null, null, true)).stream()
                .map(f -> f.purl() + " " + f.id() + " " + f.status() + " " + f.fixed())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
