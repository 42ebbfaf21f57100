package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vex.VexExport;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.LicenceReport;
import io.supplygraph.ingest.IngestListener;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The reports of the "gates and reports" issue on an ingested synthetic portfolio, in-process on an open graph:
 * {@code licenses} over the portfolio and over one document, {@code quality} of one document, {@code documents}
 * with every SBOM's quality score, and {@code export vex} of the portfolio. Each is timed once cold, then as the
 * median of the rounds.
 *
 * <p>Run: {@code bench/run ReportBench [--sboms 1000] [--components 500] [--rounds 5] [--db PATH|URL]}; without
 * {@code --db} it ingests the portfolio into {@code bench/out/reportbench-N x M.db} first (and reuses it).
 */
public final class ReportBench {

    private ReportBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        int sboms = args.integer("sboms", 1000);
        int components = args.integer("components", 500);
        int rounds = args.integer("rounds", 5);
        String db = args.string("db", null);
        if (db == null) {
            Path file = Measurements.outFolder().resolve("reportbench-" + sboms + "x" + components + ".db");
            db = file.toString();
            if (!Files.exists(file)) {
                List<Path> files = PortfolioGenerator.cached(PortfolioGenerator.Spec.portfolio(sboms, components));
                try (Supplygraph graph = Supplygraph.open(db)) {
                    long start = System.nanoTime();
                    graph.ingest(List.of(files.get(0).getParent().toString()), InputStream.nullInputStream(),
                            new IngestListener() {});
                    System.out.printf("ingested %,d SBOMs in %.1f s%n", files.size(), (System.nanoTime() - start) / 1e9);
                }
            }
        }
        try (Supplygraph graph = Supplygraph.open(db)) {
            String digest = graph.ingestedDocuments().get(0).digest();
            time("licenses (portfolio)", rounds, () -> {
                LicenceReport r = graph.licenceReportOfPortfolio();
                return r.components() + " components, " + r.licences().size() + " licences, " + r.copyleft().size()
                        + " copyleft";
            });
            time("licenses --doc", rounds, () -> graph.licenceReportOfDocument(digest).components() + " components");
            time("quality DIGEST", rounds, () -> "score " + graph.quality(digest).score());
            time("documents (with quality)", rounds, () -> {
                List<Document> documents = graph.ingestedDocuments();
                return documents.size() + " documents, " + documents.stream().filter(d -> d.quality() != null)
                        .count() + " scored";
            });
            time("export vex (portfolio)", rounds, () -> graph.exportVex(VexExport.Format.OPENVEX, null, null, Instant.EPOCH).length()
                    + " characters");
        }
    }

    private interface Work {
        String run() throws Exception;
    }

    private static void time(String what, int rounds, Work work) throws Exception {
        long start = System.nanoTime();
        String answer = work.run();
        long cold = System.nanoTime() - start;
        long[] samples = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.run();
            samples[i] = System.nanoTime() - t;
        }
        System.out.printf("%-26s first %8.1f ms, median %8.1f ms of %d  (%s)%n", what, Measurements.millis(cold),
                Measurements.millis(Measurements.median(samples)), rounds, answer);
    }
}
