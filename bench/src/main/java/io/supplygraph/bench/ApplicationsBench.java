package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.ApplicationReleases;
import java.util.List;
import java.util.Set;

/**
 * What counting releases instead of documents costs: {@code applications} (every application, its releases and
 * their open findings, which reads the portfolio's findings once) and {@code dependents --latest} against plain
 * {@code dependents}, on an ingested store.
 *
 * <pre>bench/run ApplicationsBench --db PATH|URL [--purl PURL] [--rounds 5]</pre>
 */
public final class ApplicationsBench {

    private ApplicationsBench() {}

    public static void main(String[] argv) {
        Args args = new Args(argv, Set.of());
        String db = args.string("db", null);
        String purl = args.string("purl", null);
        int rounds = args.integer("rounds", 5);
        args.done();
        if (db == null) {
            throw new IllegalArgumentException("--db names the ingested store (an SQLite path or a JDBC URL)");
        }
        try (Supplygraph graph = Supplygraph.open(db)) {
            long start = System.nanoTime();
            List<ApplicationReleases> applications = graph.applications(false);
            long first = System.nanoTime() - start;
            long[] all = time(rounds, () -> graph.applications(false));
            long[] latest = time(rounds, () -> graph.applications(true));
            System.out.println("== ApplicationsBench on " + graph.location() + " ==");
            System.out.printf("applications          %,d, %,d releases, %,d documents%n", applications.size(),
                    applications.stream().mapToInt(a -> a.releases().size()).sum(),
                    applications.stream().mapToInt(ApplicationReleases::documents).sum());
            System.out.printf("applications          first %,.0f ms, median %,.0f ms of %d%n",
                    Measurements.millis(first), Measurements.millis(Measurements.median(all)), rounds);
            System.out.printf("applications --latest median %,.0f ms%n",
                    Measurements.millis(Measurements.median(latest)));
            if (purl != null) {
                long[] plain = time(rounds, () -> graph.dependents(purl));
                long[] newest = time(rounds, () -> graph.dependents(purl, true));
                System.out.printf("dependents %s: %,d releases, median %,.1f ms; --latest %,d, median %,.1f ms%n",
                        purl, graph.dependents(purl).size(), Measurements.millis(Measurements.median(plain)),
                        graph.dependents(purl, true).size(), Measurements.millis(Measurements.median(newest)));
            }
        }
    }

    private static long[] time(int rounds, Runnable query) {
        long[] took = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            query.run();
            took[i] = System.nanoTime() - t;
        }
        return took;
    }
}
