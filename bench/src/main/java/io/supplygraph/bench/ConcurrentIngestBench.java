package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.bench.IngestBench.Store;
import io.supplygraph.bench.PortfolioGenerator.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Many writers into one store, as CI jobs of a whole organisation ingest at once: the issue asks that nothing be
 * lost, and this shows what N writers cost against one. The portfolio goes in twice, each time into a fresh store: once
 * by one {@code supplygraph ingest} process, then by N processes started together over disjoint shares of it
 * (or, with {@code --same}, N processes over all of it). Each process is a child JVM running the CLI, so the wall
 * times include JVM starts, as a user's would.
 *
 * <pre>bench/run ConcurrentIngestBench --sboms 1000 --components 500 --writers 8 [--db PATH|URL] [--same] [--keep]</pre>
 *
 * Without {@code --db} the stores are SQLite files under {@code bench/out/}; an SQLite path names them
 * ({@code x.db} gives {@code x-1w.db} and {@code x-8w.db}); a {@code jdbc:postgresql:} URL names the server and
 * the prefix of two databases the bench creates ({@code NAME_1w}, {@code NAME_8w}). Both are removed at the end
 * unless {@code --keep}. Exits 1 when a process failed or a document is missing.
 */
public final class ConcurrentIngestBench {

    /** Enough for any one process of the bench (documents are streamed), and eight of them fit beside the build. */
    private static final List<String> CHILD_JVM = List.of("-Xmx512m");
    private static final Duration LIMIT = Duration.ofHours(2);
    /** What the CLI's summary object counts, summed over the processes of a run. */
    private static final List<String> SUMMARY_FIELDS = List.of("ingested", "already_ingested", "rejected",
            "not_attempted", "retries", "deadlocks", "serialization_failures", "connection_failures", "busy");

    private ConcurrentIngestBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of("same", "keep"));
        Spec spec = new Spec(args.integer("sboms", 1000), args.integer("components", 500), args.number("seed", 42),
                args.decimal("spdx-share", 0.5), false);
        int writers = args.integer("writers", 8);
        String db = args.string("db", null);
        boolean same = args.flag("same");
        boolean keep = args.flag("keep");
        args.done();

        List<Path> files = PortfolioGenerator.cached(spec);
        System.out.printf("portfolio: %,d SBOMs x %,d components, %,.0f MB%n", files.size(), spec.components(),
                Measurements.megabytes(Measurements.bytes(files)));
        String name = "concurrent-" + spec.folderName();
        Path logs = Measurements.outFolder().resolve(name + "-logs");

        FreshStore one = FreshStore.create(db, name, "1w");
        Run single = Run.of("1 writer", one, List.of(files), files.size(), logs.resolve("1w"));
        FreshStore many = FreshStore.create(db, name, writers + "w");
        List<List<Path>> shares = same ? Collections.nCopies(writers, files)
                : IngestProcess.disjointShares(files, writers);
        Run concurrent = Run.of(writers + " writers", many, shares, files.size(), logs.resolve(writers + "w"));

        System.out.println();
        System.out.println("== ConcurrentIngestBench " + spec.folderName() + " into " + one.kind() + ", " + writers
                + " writers" + (same ? " over the same files" : " over disjoint shares") + " ==");
        System.out.printf("wall time             1 writer %,.1f s, %d writers %,.1f s: ratio %.2fx%n",
                single.seconds(), writers, concurrent.seconds(), concurrent.seconds() / single.seconds());
        for (Run run : List.of(single, concurrent)) {
            System.out.printf("%-21s %s%n", run.label(), run.outcome());
        }
        System.out.println("process logs          " + logs);
        if (keep) {
            System.out.println("kept                  " + one.location() + " and " + many.location());
        } else {
            one.discard();
            many.discard();
        }
        if (!single.complete() || !concurrent.complete()) {
            System.exit(1);
        }
    }

    /** One ingest of the portfolio by one or more processes started together, and what came of it. */
    private record Run(String label, long nanos, List<IngestRun> processes, long stored, int expected,
            Long serverDeadlocks) {

        static Run of(String label, FreshStore store, List<List<Path>> shares, int expected, Path logs)
                throws Exception {
            Long deadlocksBefore = store.serverDeadlocks();
            System.out.printf("%s: %d process(es) into %s%n", label, shares.size(), store.location());
            long start = System.nanoTime();
            List<IngestRun> runs = IngestProcess.awaitAll(
                    IngestProcess.startEach(store.location(), shares, CHILD_JVM, logs), LIMIT);
            long took = System.nanoTime() - start;
            Long deadlocksAfter = store.serverDeadlocks();
            Run run = new Run(label, took, runs, store.documents(), expected,
                    deadlocksBefore == null ? null : deadlocksAfter - deadlocksBefore);
            run.failed().forEach(p -> System.out.println("  " + p));
            return run;
        }

        double seconds() {
            return nanos / 1e9;
        }

        List<IngestRun> failed() {
            return processes.stream().filter(p -> p.exit() != 0).toList();
        }

        boolean complete() {
            return failed().isEmpty() && stored == expected;
        }

        /** The run's figures on one line: what was stored, who failed, and what the store had to absorb. */
        String outcome() {
            StringBuilder line = new StringBuilder(String.format("%,.1f s; documents stored %,d of %,d; processes"
                    + " exited non-zero %d of %d", seconds(), stored, expected, failed().size(), processes.size()));
            if (processes.stream().anyMatch(p -> p.summary() != null)) {
                for (String field : SUMMARY_FIELDS) {
                    line.append("; ").append(field).append(' ')
                            .append(processes.stream().mapToLong(p -> p.summary(field)).sum());
                }
            } else {
                line.append("; no summary objects (the CLI predates them)");
            }
            if (serverDeadlocks != null) {
                line.append("; deadlocks (pg_stat_database) ").append(serverDeadlocks);
            }
            return line.toString();
        }
    }

    /**
     * A store made empty for one run: an SQLite file (its -wal and -shm too), or a PostgreSQL database the bench
     * creates, since the server must have one per run to count deadlocks per run.
     */
    private record FreshStore(String location, boolean postgres) {

        static FreshStore create(String given, String name, String suffix) throws IOException {
            if (given != null && given.startsWith("jdbc:postgresql:")) {
                return new FreshStore(PostgresDatabases.create(given, suffix), true);
            }
            Path base = given != null ? Path.of(given) : Measurements.outFolder().resolve(name + ".db");
            String file = base.toString().replaceFirst("(\\.db)?$", "-" + suffix + ".db");
            FreshStore store = new FreshStore(file, false);
            store.discard();
            return store;
        }

        String kind() {
            return postgres ? "PostgreSQL" : "SQLite";
        }

        /** The server's deadlock count for this database; null for SQLite, which has no such thing. */
        Long serverDeadlocks() throws InterruptedException {
            if (!postgres) {
                return null;
            }
            // A backend adds its deadlocks to the shared statistics when it exits, which the server finishes a
            // moment after the client has gone.
            Thread.sleep(1_000);
            return PostgresDatabases.deadlocks(location);
        }

        /** Documents stored, or -1 when the store cannot even be opened (a migration that failed half-way). */
        long documents() {
            try (Supplygraph graph = Supplygraph.open(location)) {
                return graph.stats().documents();
            } catch (RuntimeException e) {
                System.out.println("  cannot count the documents in " + location + ": " + e.getMessage());
                return -1;
            }
        }

        void discard() throws IOException {
            if (postgres) {
                PostgresDatabases.drop(location);
            } else {
                new Store(location, Path.of(location).toAbsolutePath()).discard();
            }
        }
    }
}
