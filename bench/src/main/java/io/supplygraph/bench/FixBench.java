package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.PackageUsage;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.osv.PackageKeys;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.ecosystem.EcosystemName;
import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.VersionScheme;
import io.supplygraph.model.version.VersionSchemes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
    private static final String[] VECTORS = {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"};

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
        Map<String, List<String>> versions = new LinkedHashMap<>();
        Map<String, String> keyOf = new LinkedHashMap<>();
        for (PackageUsage u : graph.packages("")) {
            if (u.synthetic() || u.version() == null) {
                continue;
            }
            try {
                PackageIdentity p = PackageIdentity.fromPurl(u.purl());
                List<PackageKeys.VersionKey> keys = PackageKeys.of(p);
                if (!keys.isEmpty()) {
                    keyOf.putIfAbsent(p.base(), keys.get(0).key());
                    versions.computeIfAbsent(p.base(), b -> new ArrayList<>()).add(keys.get(0).version());
                }
            } catch (InvalidPurlException e) {
                // a purl the store kept as written: not one advisories can name
            }
        }
        List<String> bases = versions.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey)
                .toList();
        Path folder = Files.createDirectories(Measurements.outFolder().resolve("fixbench-data"));
        Path zip = folder.resolve("advisories-" + count + ".zip");
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder kev = new StringBuilder();
        StringBuilder epss = new StringBuilder("#model_version:v2025.03.14,score_date:2026-11-29T00:00:00+0000\n"
                + "cve,epss,percentile\n");
        long t0 = System.nanoTime();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < count; i++) {
                String base = bases.get(random.nextInt(bases.size()));
                String[] key = keyOf.get(base).split("\\|", 2);
                List<String> sorted = sorted(key[0], versions.get(base));
                int kind = sorted.size() < 2 ? 0 : random.nextInt(20);
                String bound = sorted.size() < 2 ? null : sorted.get(1 + random.nextInt(sorted.size() - 1));
                String events = kind == 0 ? "{\"introduced\":\"0\"}"
                        : kind < 3 ? "{\"introduced\":\"0\"},{\"last_affected\":\"" + sorted.get(0) + "\"}"
                        : "{\"introduced\":\"0\"},{\"fixed\":\"" + bound + "\"}";
                String id = "FIXBENCH-" + i;
                String cve = "CVE-2090-" + (100000 + i);
                String record = """
                        {"schema_version":"1.6.0","id":"%s","modified":"2026-01-01T00:00:00Z","aliases":["%s"],
                         "severity":[{"type":"CVSS_V3","score":"%s"}],
                         "affected":[{"package":{"ecosystem":"%s","name":"%s"},
                           "ranges":[{"type":"%s","events":[%s]}]}]}
                        """.formatted(id, cve, VECTORS[random.nextInt(VECTORS.length)], key[0], key[1],
                        key[0].equals("Go") ? "SEMVER" : "ECOSYSTEM", events);
                out.putNextEntry(new ZipEntry(key[0] + "/" + id + ".json"));
                out.write(record.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                if (i % 30 == 0) {
                    kev.append(kev.length() == 0 ? "" : ",").append("{\"cveID\":\"").append(cve)
                            .append("\",\"dateAdded\":\"2026-01-01\",\"dueDate\":\"2026-01-22\","
                                    + "\"knownRansomwareCampaignUse\":\"Unknown\"}");
                }
                double p = Math.pow(random.nextDouble(), 4);
                epss.append(cve).append(',').append(String.format(java.util.Locale.ROOT, "%.5f", p)).append(',')
                        .append(String.format(java.util.Locale.ROOT, "%.5f", Math.min(1, p * 4))).append('\n');
            }
        }
        System.out.printf("wrote %,d advisories over %,d packages (%,d with two versions or more) in %,.0f ms%n",
                count, versions.size(), bases.size(), Measurements.millis(System.nanoTime() - t0));
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

    /** A package's versions in its ecosystem's order, those its scheme cannot parse left out. */
    private static List<String> sorted(String ecosystem, List<String> versions) {
        VersionScheme scheme = EcosystemName.parseOsv(ecosystem).map(e -> VersionSchemes.forEcosystem(e.ecosystem()))
                .orElse(VersionSchemes.GENERIC);
        List<String> parsable = new ArrayList<>(versions.stream().distinct().filter(scheme::isValid).toList());
        parsable.sort((a, b) -> {
            try {
                return scheme.compare(a, b);
            } catch (InvalidVersionException e) {
                throw new IllegalStateException(e);
            }
        });
        return parsable.isEmpty() ? versions : parsable;
    }
}
