package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PackageUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latency of the blast-radius question, {@code dependents(purl)}, on an ingested store: the target
 * is a median under 20 ms and a p99 under 100 ms over 100 packages on the 5,000-SBOM store.
 *
 * <pre>bench/run QueryBench --db PATH|URL [--packages 100] [--rounds 5] [--any-version] [--verbose]</pre>
 *
 * The packages are a deterministic sample across popularity: every package version the store holds, ranked by
 * how many documents contain it, sampled at log-spaced ranks, so the head (log4j in most applications) and
 * the long tail (in one) are both measured. {@code --any-version} asks for packages without a version, which
 * is every version at once: the question "where do we use log4j at all".
 */
public final class QueryBench {

    /** Applications, as opposed to packages: what the generator names its SBOMs' subjects. */
    private static final String SUBJECT_PREFIX = "pkg:generic/";

    private QueryBench() {}

    public static void main(String[] argv) {
        Args args = new Args(argv, Set.of("any-version", "verbose"));
        String db = args.string("db", null);
        int wanted = args.integer("packages", 100);
        int rounds = args.integer("rounds", 5);
        boolean anyVersion = args.flag("any-version");
        boolean verbose = args.flag("verbose");
        args.done();
        if (db == null) {
            throw new IllegalArgumentException("--db names the ingested store (an SQLite path or a JDBC URL)");
        }

        try (Supplygraph graph = Supplygraph.open(db)) {
            long start = System.nanoTime();
            Map<String, Integer> popularity = popularity(graph.packages(""), anyVersion);
            List<String> sample = sample(popularity, wanted);
            System.out.printf("sampled %d of %,d packages%s in %,.0f ms; most used in %,d documents, least in %,d%n",
                    sample.size(), popularity.size(), anyVersion ? " (any version)" : "",
                    Measurements.millis(System.nanoTime() - start), popularity.get(sample.get(0)),
                    popularity.get(sample.get(sample.size() - 1)));

            for (String purl : sample) {
                graph.dependents(purl); // warm-up: JIT, SQLite page cache, prepared statement paths
            }
            long[] latencies = new long[sample.size() * rounds];
            long applications = 0;
            long slowest = 0;
            String slowestPurl = null;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < sample.size(); i++) {
                    long t = System.nanoTime();
                    int found = graph.dependents(sample.get(i)).size();
                    long took = System.nanoTime() - t;
                    latencies[round * sample.size() + i] = took;
                    applications += found;
                    if (took > slowest) {
                        slowest = took;
                        slowestPurl = sample.get(i);
                    }
                    if (verbose && round == 0) {
                        System.out.printf("%8.1f ms %6d apps  %s (in %d documents)%n", Measurements.millis(took),
                                found, sample.get(i), popularity.get(sample.get(i)));
                    }
                }
            }

            System.out.println();
            System.out.println("== QueryBench dependents on " + graph.location() + " ==");
            System.out.printf("packages              %d%s, %d timed rounds after one warm-up round%n", sample.size(),
                    anyVersion ? " (any version)" : " (exact versions)", rounds);
            System.out.printf("median                %.1f ms%n", Measurements.millis(Measurements.median(latencies)));
            System.out.printf("p99                   %.1f ms%n",
                    Measurements.millis(Measurements.percentile(latencies, 0.99)));
            System.out.printf("slowest               %.1f ms (%s)%n", Measurements.millis(slowest), slowestPurl);
            System.out.printf("mean applications     %.1f per package%n", (double) applications / latencies.length);
        }
    }

    /** Documents containing each package version (or each package, any version), most used first. */
    static Map<String, Integer> popularity(List<PackageUsage> usage, boolean anyVersion) {
        Map<String, Integer> byPurl = new LinkedHashMap<>();
        for (PackageUsage row : usage) {
            if (row.synthetic() || row.purl().startsWith(SUBJECT_PREFIX)) {
                continue;
            }
            String key = anyVersion ? withoutVersion(row.purl()) : row.purl();
            // An SBOM lists one version of a package, so summing over versions counts each document once.
            byPurl.merge(key, row.documents(), Integer::sum);
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(byPurl.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        ranked.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** Ranks spaced evenly on a log scale from the most used to the least, each taken once. */
    static List<String> sample(Map<String, Integer> ranked, int wanted) {
        List<String> purls = new ArrayList<>(ranked.keySet());
        int n = purls.size();
        int k = Math.min(wanted, n);
        List<String> sample = new ArrayList<>(k);
        int previous = -1;
        for (int i = 0; i < k; i++) {
            int logSpaced = k == 1 ? 0 : (int) Math.floor(Math.pow(n, (double) i / (k - 1))) - 1;
            int rank = Math.min(Math.max(previous + 1, logSpaced), n - (k - i));
            sample.add(purls.get(rank));
            previous = rank;
        }
        sample.sort(Comparator.comparing(ranked::get).reversed());
        return sample;
    }

    private static String withoutVersion(String purl) {
        int at = purl.lastIndexOf('@');
        return at < 0 ? purl : purl.substring(0, at);
    }
}
