package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.bench.vulns.SeededAdvisories;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.model.DocumentFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The figures of the "fix first" issue on the 5,000 x 500 store with 50,000 advisories: {@code fix --portfolio}
 * (target under 10 s) and {@code fix --app} for one application (target under 200 ms), both in-process on an open
 * graph, as the CLI and the server call them.
 *
 * <p>The store is a copy of the 5,000 x 500 SQLite store ({@code bench/out/ingest-5000x500-seed42-spdx50.db}, which
 * IngestBench --keep or ServerBench leaves) made once as {@code bench/out/fixbench-5000x500.db}, into which the
 * advisories, a KEV catalog and EPSS scores are imported once (a marker file says so). The advisories are drawn
 * from the store's own packages (seeded), so that the portfolio has findings: each names one package with at least
 * two versions, introduced 0 and fixed at one of its versions (one in ten ends at last_affected instead, one in
 * twenty has no fix), CVSS-rated, with a CVE alias; one CVE in 30 is in the KEV catalog, every CVE has an EPSS score.
 *
 * <p>Run: {@code bench/run FixBench [--db PATH|URL] [--advisories 50000] [--apps 50] [--rounds 3] [--seed 42]}.
 */
public final class FixBench {

    private static final String SOURCE_STORE = "ingest-5000x500-seed42-spdx50.db";
    private FixBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        String db = args.string("db", null);
        int advisories = args.integer("advisories", 50_000);
        int apps = args.integer("apps", 50);
        int rounds = args.integer("rounds", 3);
        long seed = args.number("seed", 42);
        args.done();

        String store = db != null ? db : copiedStore();
        Path marker = Measurements.outFolder().resolve("fixbench-" + advisories + ".imported");
        try (Supplygraph graph = Supplygraph.open(store)) {
            if (db != null || !Files.exists(marker)) {
                prepare(graph, advisories, seed);
                if (db == null) {
                    Files.writeString(marker, "advisories imported into " + store + "\n");
                }
            }
            long start = System.nanoTime();
            List<PortfolioUpgrade> ranked = graph.fixPortfolio();
            long cold = System.nanoTime() - start;
            long[] portfolio = new long[rounds];
            long[] portfolioCpu = new long[rounds];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                ranked = graph.fixPortfolio();
                portfolio[r] = System.nanoTime() - t;
                portfolioCpu[r] = threads.getCurrentThreadCpuTime() - cpu;
            }
            // applications: the SBOMs, not the advisories (each OSV record is a document too)
            List<Document> documents = graph.documents().stream().filter(d -> d.format() != DocumentFormat.OSV)
                    .toList();
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < apps && !documents.isEmpty(); i++) {
                sample.add(documents.get((int) ((long) i * documents.size() / apps)).digest());
            }
            sample.forEach(graph::fix); // warm-up
            long[] perApp = new long[sample.size() * rounds];
            int rows = 0;
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < sample.size(); i++) {
                    long t = System.nanoTime();
                    List<Upgrade> plan = graph.fix(sample.get(i));
                    perApp[r * sample.size() + i] = System.nanoTime() - t;
                    rows += r == 0 ? plan.size() : 0;
                }
            }
            System.out.println();
            System.out.println("== FixBench on " + store + " ==");
            System.out.printf("fix --portfolio        first %,.0f ms; then median %,.0f ms of %d (min %,.0f, max %,.0f);"
                    + " %,d upgrades, %,d with a target%n", Measurements.millis(cold),
                    Measurements.millis(Measurements.median(portfolio)), rounds,
                    Measurements.millis(Measurements.percentile(portfolio, 0)),
                    Measurements.millis(Measurements.percentile(portfolio, 1)), ranked.size(),
                    ranked.stream().filter(u -> u.target() != null).count());
            // the CPU time of the calling thread, which does all the work: what the wall time would be on an idle
            // machine, and a figure that other builds on the same cores do not move
            System.out.printf("  its CPU time         median %,.0f ms (min %,.0f); load average %s%n",
                    Measurements.millis(Measurements.median(portfolioCpu)),
                    Measurements.millis(Measurements.percentile(portfolioCpu, 0)), Measurements.loadAverage());
            if (!ranked.isEmpty()) {
                PortfolioUpgrade top = ranked.get(0);
                System.out.printf("top upgrade            %s %s -> %s: removes %d (%d known exploited) in %,d"
                                + " applications%n", top.packagePurl(), top.current(), top.target(),
                        top.removes().size(), top.kev(), top.applications());
            }
            System.out.printf("fix --app (%d apps)    median %,.1f ms, p95 %,.1f ms, max %,.1f ms over %d calls;"
                    + " %.1f upgrades per application%n", sample.size(),
                    Measurements.millis(Measurements.median(perApp)),
                    Measurements.millis(Measurements.percentile(perApp, 0.95)),
                    Measurements.millis(Measurements.percentile(perApp, 1)), perApp.length,
                    sample.isEmpty() ? 0.0 : (double) rows / sample.size());
            System.out.println("peak RSS               " + Measurements.peakRss());
        }
    }

    /** The store a run works on: a copy of the 5,000 x 500 store, made once, so that the original stays as it was. */
    private static String copiedStore() throws IOException {
        Path copy = Measurements.outFolder().resolve("fixbench-5000x500.db");
        if (!Files.exists(copy)) {
            Path source = Measurements.outFolder().resolve(SOURCE_STORE);
            if (!Files.exists(source)) {
                throw new IllegalStateException("no " + source + ": run bench/run IngestBench --sboms 5000"
                        + " --components 500 --keep first, or give --db");
            }
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return copy.toString();
    }

    private static void prepare(Supplygraph graph, int count, long seed) throws Exception {
        Path folder = Files.createDirectories(Measurements.outFolder().resolve("fixbench-data"));
        Path zip = folder.resolve("advisories-" + count + ".zip");
        StringBuilder kev = new StringBuilder();
        StringBuilder epss = new StringBuilder("#model_version:v2025.03.14,score_date:2026-11-29T00:00:00+0000\n"
                + "cve,epss,percentile\n");
        long t0 = System.nanoTime();
        SeededAdvisories.Written written = SeededAdvisories.write(graph, count, seed, zip, (i, cve, random) -> {
            if (i % 30 == 0) {
                kev.append(kev.length() == 0 ? "" : ",").append("{\"cveID\":\"").append(cve)
                        .append("\",\"dateAdded\":\"2026-01-01\",\"dueDate\":\"2026-01-22\","
                                + "\"knownRansomwareCampaignUse\":\"Unknown\"}");
            }
            double p = Math.pow(random.nextDouble(), 4);
            epss.append(cve).append(',').append(String.format(java.util.Locale.ROOT, "%.5f", p)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.5f", Math.min(1, p * 4))).append('\n');
        });
        System.out.printf("wrote %,d advisories over %,d packages (%,d with two versions or more) in %,.0f ms%n",
                count, written.packages(), written.packagesWithTwoVersions(),
                Measurements.millis(System.nanoTime() - t0));
        long t1 = System.nanoTime();
        IngestSummary imported = graph.importAdvisories(List.of(zip.toString()), InputStream.nullInputStream(),
                new IngestListener() {});
        System.out.printf("import and match: %,d stored, %,d already there, in %,.1f s%n", imported.stored(),
                imported.alreadyStored(), (System.nanoTime() - t1) / 1e9);
        long t2 = System.nanoTime();
        graph.importKev(new ByteArrayInputStream(("{\"catalogVersion\":\"fixbench\",\"vulnerabilities\":[" + kev
                + "]}").getBytes(StandardCharsets.UTF_8)));
        Path epssFile = folder.resolve("epss-" + count + ".csv");
        Files.writeString(epssFile, epss);
        try (InputStream in = Files.newInputStream(epssFile)) {
            graph.importEpss(in);
        }
        System.out.printf("KEV and EPSS import: %,.0f ms%n", Measurements.millis(System.nanoTime() - t2));
    }
}
