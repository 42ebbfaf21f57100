package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.policy.CompiledPolicy;
import io.supplygraph.analysis.policy.PolicyCheck;
import io.supplygraph.analysis.policy.PolicyFile;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.view.PolicyReport.RuleOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The figures of the policy issue: {@code check} of the README's example policy over the whole 5,000 x 500 portfolio
 * with 50,000 advisories (target under 30 s), and over one SBOM (target under 300 ms), in-process on an open graph,
 * as the CLI calls it (policy read and compiled once per call, as the CLI does, and counted).
 *
 * <p>The store is FixBench's ({@code bench/out/fixbench-5000x500.db}: the 5,000 x 500 SQLite store with 50,000
 * seeded advisories, a KEV catalog and EPSS scores); run {@code bench/run FixBench} once first, or give --db.
 *
 * <p>Run: {@code bench/run CheckBench [--db PATH|URL] [--policy FILE] [--rounds 3] [--docs 50]}.
 */
public final class CheckBench {

    private static final String EXAMPLE = "cli/src/main/resources/demo/policy.yaml";

    private CheckBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        String db = args.string("db", null);
        Path policy = Path.of(args.string("policy", EXAMPLE));
        int rounds = args.integer("rounds", 3);
        int docs = args.integer("docs", 50);
        args.done();

        String store = db != null ? db : preparedStore();
        LocalDate today = LocalDate.now();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Supplygraph graph = Supplygraph.open(store)) {
            long[] wall = new long[rounds + 1];
            long[] cpu = new long[rounds + 1];
            PolicyReport report = null;
            for (int r = 0; r <= rounds; r++) {
                long t = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                report = graph.check(CompiledPolicy.compile(PolicyFile.read(policy)), PolicyCheck.Scope.portfolio(),
                        today);
                wall[r] = System.nanoTime() - t;
                cpu[r] = threads.getCurrentThreadCpuTime() - c;
            }
            long[] warmWall = java.util.Arrays.copyOfRange(wall, 1, wall.length);
            long[] warmCpu = java.util.Arrays.copyOfRange(cpu, 1, cpu.length);

            List<Document> sboms = graph.ingestedDocuments().stream().filter(d -> d.format().isSbom()).toList();
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < docs && !sboms.isEmpty(); i++) {
                sample.add(sboms.get((int) ((long) i * sboms.size() / docs)).digest());
            }
            for (String d : sample) { // warm-up
                graph.check(CompiledPolicy.compile(PolicyFile.read(policy)), new PolicyCheck.Scope(d, null), today);
            }
            long[] perDoc = new long[sample.size() * rounds];
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < sample.size(); i++) {
                    long t = System.nanoTime();
                    graph.check(CompiledPolicy.compile(PolicyFile.read(policy)),
                            new PolicyCheck.Scope(sample.get(i), null), today);
                    perDoc[r * sample.size() + i] = System.nanoTime() - t;
                }
            }

            System.out.println();
            System.out.println("== CheckBench on " + store + " with " + policy + " ==");
            System.out.printf("check (portfolio)      first %,.0f ms; then median %,.0f ms of %d (min %,.0f, max %,.0f);"
                    + " %,d SBOMs%n", Measurements.millis(wall[0]), Measurements.millis(Measurements.median(warmWall)),
                    rounds, Measurements.millis(Measurements.percentile(warmWall, 0)),
                    Measurements.millis(Measurements.percentile(warmWall, 1)), report.documents());
            System.out.printf("  its CPU time         first %,.0f ms; then median %,.0f ms; load average %s%n",
                    Measurements.millis(cpu[0]), Measurements.millis(Measurements.median(warmCpu)),
                    Measurements.loadAverage());
            for (RuleOutcome rule : report.rules()) {
                System.out.printf("  %-46s %,11d evaluations, %,9d violations, %,d errors%n", rule.name(),
                        rule.evaluated(), rule.violations().size(), rule.errors());
            }
            System.out.printf("check --doc (%d SBOMs) median %,.1f ms, p95 %,.1f ms, max %,.1f ms over %d calls%n",
                    sample.size(), Measurements.millis(Measurements.median(perDoc)),
                    Measurements.millis(Measurements.percentile(perDoc, 0.95)),
                    Measurements.millis(Measurements.percentile(perDoc, 1)), perDoc.length);
            System.out.println("peak RSS               " + Measurements.peakRss());
        }
    }

    private static String preparedStore() {
        Path store = Measurements.outFolder().resolve("fixbench-5000x500.db");
        Path marker = Measurements.outFolder().resolve("fixbench-50000.imported");
        if (!Files.exists(store) || !Files.exists(marker)) {
            throw new IllegalStateException("no " + store + " with 50,000 advisories: run bench/run FixBench first,"
                    + " or give --db");
        }
        return store.toString();
    }
}
