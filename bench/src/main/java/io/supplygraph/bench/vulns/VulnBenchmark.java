package io.supplygraph.bench.vulns;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.Ingestor;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The figures of the vulnerability issue, on a generated world: N synthetic OSV advisories over a pool of npm,
 * Maven, PyPI and Go packages (written as one zip, like OSV's all.zip), and a portfolio of S SBOMs of C
 * components drawn from the same pool, so that a known share of versions is affected. It measures:
 * <ol>
 *   <li>as a baseline, ingesting the portfolio into a store without matching (SQLite runs only);</li>
 *   <li>importing the advisories into an empty store;</li>
 *   <li>ingesting the portfolio with matching on (each SBOM matched against every advisory as it is stored);</li>
 *   <li>ingesting one new SBOM of 5,000 components, most of them versions the store has never seen;</li>
 *   <li>listing every finding of the portfolio with the documents containing it ({@code vulns --json}).</li>
 * </ol>
 * Run: {@code bench/run vulns.VulnBenchmark [ADVISORIES SBOMS COMPONENTS [DB]]} (defaults 50000 500 500, a fresh
 * SQLite file; DB may be a jdbc:postgresql:// URL of an empty database).
 */
public final class VulnBenchmark {

    private static final String[] ECOSYSTEMS = {"npm", "Maven", "PyPI", "Go"};
    private static final int PACKAGES = 20_000;
    private static final int VERSIONS = 30;

    private VulnBenchmark() {}

    public static void main(String[] args) throws IOException {
        int advisories = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int sboms = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int components = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Path work = Files.createTempDirectory("supplygraph-vulnbench");
        String db = args.length > 3 ? args[3] : work.resolve("graph.db").toString();
        try {
            Path zip = writeAdvisories(work.resolve("all.zip"), advisories);
            Path portfolio = writePortfolio(Files.createDirectories(work.resolve("sboms")), sboms, components, 1);
            Path big = writePortfolio(Files.createDirectories(work.resolve("big")), 1, 5_000, 2);
            if (args.length <= 3) {
                // the same portfolio into a store without the matcher: what matching adds is the difference
                try (GraphStore bare = GraphStore.open(work.resolve("baseline.db").toString())) {
                    long start = System.nanoTime();
                    new Ingestor(bare).ingest(List.of(portfolio.toString()), InputStream.nullInputStream(),
                            new IngestListener() {});
                    report("baseline: ingest the portfolio without matching", System.nanoTime() - start);
                }
            }
            try (Supplygraph graph = Supplygraph.open(db)) {
                long t0 = System.nanoTime();
                IngestSummary imported = graph.importAdvisories(List.of(zip.toString()),
                        InputStream.nullInputStream(), new IngestListener() {});
                long t1 = System.nanoTime();
                report("import %,d advisories".formatted(imported.stored()), t1 - t0);
                var ingested = graph.ingest(List.of(portfolio.toString()), InputStream.nullInputStream(),
                        new IngestListener() {});
                long t2 = System.nanoTime();
                report("ingest and match %,d SBOMs x %,d components".formatted(ingested.stored(), components), t2 - t1);
                graph.ingest(List.of(big.toString()), InputStream.nullInputStream(), new IngestListener() {});
                long t3 = System.nanoTime();
                report("ingest and match one new 5,000-component SBOM", t3 - t2);
                List<Finding> findings = graph.vulns(new Vulns.Query(null, null, null, false));
                long t4 = System.nanoTime();
                long links = findings.stream().mapToLong(f -> f.documents().size()).sum();
                report("list %,d findings with %,d containing documents".formatted(findings.size(), links), t4 - t3);
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                // deleteOnExit removes in reverse order of registration: the folder's contents before the folder
                files.forEach(f -> f.toFile().deleteOnExit());
            }
        }
    }

    private static void report(String what, long nanos) {
        System.out.printf("%-60s %8.2f s%n", what, nanos / 1e9);
    }

    private static String name(String ecosystem, int i) {
        return switch (ecosystem) {
            case "Maven" -> "org.bench" + (i % 97) + ":lib-" + i;
            case "Go" -> "github.com/bench" + (i % 97) + "/mod-" + i;
            default -> "bench-pkg-" + i;
        };
    }

    private static String purl(String ecosystem, int i, String version) {
        return switch (ecosystem) {
            case "Maven" -> "pkg:maven/org.bench" + (i % 97) + "/lib-" + i + "@" + version;
            case "Go" -> "pkg:golang/github.com/bench" + (i % 97) + "/mod-" + i + "@v" + version;
            case "PyPI" -> "pkg:pypi/bench-pkg-" + i + "@" + version;
            default -> "pkg:npm/bench-pkg-" + i + "@" + version;
        };
    }

    private static String version(int v) {
        return "1." + v + ".0";
    }

    /** Advisories over the package pool: each affects one package from some version to a later fix. */
    private static Path writeAdvisories(Path zip, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int n = 0; n < count; n++) {
                int i = random.nextInt(PACKAGES);
                String ecosystem = ECOSYSTEMS[i % ECOSYSTEMS.length];
                int introduced = random.nextInt(VERSIONS);
                int fixed = introduced + 1 + random.nextInt(5);
                String id = "BENCH-" + n;
                String json = """
                        {"schema_version":"1.6.0","id":"%s","modified":"2024-01-01T00:00:00Z","aliases":["CVE-9999-%d"],
                         "summary":"synthetic","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                         "affected":[{"package":{"ecosystem":"%s","name":"%s"},
                           "ranges":[{"type":"%s","events":[{"introduced":"%s"},{"fixed":"%s"}]}]}]}
                        """.formatted(id, n, ecosystem, name(ecosystem, i),
                        ecosystem.equals("Go") ? "SEMVER" : "ECOSYSTEM", version(introduced), version(fixed));
                out.putNextEntry(new ZipEntry(ecosystem + "/" + id + ".json"));
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        return zip;
    }

    /** SBOMs listing components drawn from the package pool, flat under their subject. */
    private static Path writePortfolio(Path folder, int sboms, int components, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < sboms; s++) {
            List<String> purls = new ArrayList<>(components);
            for (int c = 0; c < components; c++) {
                int i = random.nextInt(PACKAGES);
                purls.add(purl(ECOSYSTEMS[i % ECOSYSTEMS.length], i, version(random.nextInt(VERSIONS + 5))));
            }
            StringBuilder json = new StringBuilder(64 * components);
            json.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,")
                    .append("\"metadata\":{\"component\":{\"type\":\"application\",\"bom-ref\":\"app\",\"name\":\"app-")
                    .append(s).append("\",\"purl\":\"pkg:generic/bench/app-").append(seed).append('-').append(s)
                    .append("@1.0\"}},\"components\":[");
            for (int c = 0; c < purls.size(); c++) {
                json.append(c == 0 ? "" : ",").append("{\"type\":\"library\",\"bom-ref\":\"c").append(c)
                        .append("\",\"name\":\"c").append(c).append("\",\"purl\":\"").append(purls.get(c)).append("\"}");
            }
            json.append("]}");
            try (OutputStream out = Files.newOutputStream(folder.resolve("app-" + s + ".cdx.json"))) {
                out.write(json.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return folder;
    }
}
