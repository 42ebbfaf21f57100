package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.bench.IngestBench.Store;
import io.supplygraph.bench.PortfolioGenerator.Spec;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One large SBOM end to end. The targets: a 5,000-component CycloneDX BOM ingested in under 0.5 s, a
 * ~100 MB SBOM ingested with a peak heap under 512 MB, and a dense 1,000,000-component BOM ingested under
 * {@code -Xmx512m}.
 *
 * <pre>bench/run SingleBomBench [--components 5000] [--runs 7] [--heap-components 200000] [--dense]
 *     [--heap-limit 512m|none] [--skip-heap]</pre>
 *
 * The time is measured inside the process (no JVM start), as the median of several runs after warm-up runs,
 * each into a fresh SQLite file; {@code --runs 0} measures only the heap. The heap case runs in a child JVM
 * started with {@code -Xmx512m} ({@code --heap-limit none}: the JVM's default), so that nothing of this
 * process's runs is on its heap, and reports what the JVM's memory pools saw and the peak resident set the
 * kernel counted ({@code VmHWM}). {@code --dense} makes the heap case's SBOM a {@link
 * io.supplygraph.bench.portfolio.DenseBom}.
 */
public final class SingleBomBench {

    private static final int WARM_UP_RUNS = 3;

    private SingleBomBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of("skip-heap", "dense"));
        int components = args.integer("components", 5000);
        int runs = args.integer("runs", 7);
        int heapComponents = args.integer("heap-components", 200_000);
        Spec heapSpec = args.flag("dense") ? Spec.dense(heapComponents) : Spec.single(heapComponents);
        String heapLimit = args.string("heap-limit", "512m");
        boolean skipHeap = args.flag("skip-heap");
        args.done();

        Path bom = PortfolioGenerator.cached(Spec.single(components)).get(0);
        long[] ingest = new long[runs];
        long[] total = new long[runs];
        for (int run = runs == 0 ? 0 : -WARM_UP_RUNS; run < runs; run++) {
            Store store = Store.fresh(null, "single-run");
            long start = System.nanoTime();
            long took;
            try (Supplygraph graph = Supplygraph.open(store.location())) {
                long opened = System.nanoTime();
                ingestOne(graph, bom);
                took = System.nanoTime() - opened;
            }
            long all = System.nanoTime() - start;
            store.discard();
            if (run >= 0) {
                ingest[run] = took;
                total[run] = all;
            }
            System.out.printf("%s: ingest %,.0f ms, with open and close %,.0f ms%n",
                    run < 0 ? "warm-up" : "run " + (run + 1), Measurements.millis(took), Measurements.millis(all));
        }

        String heap = skipHeap ? "skipped" : heapInChild(PortfolioGenerator.cached(heapSpec).get(0), heapLimit);

        System.out.println();
        System.out.println("== SingleBomBench ==");
        System.out.println("peak heap, " + heap);
        if (runs == 0) {
            return;
        }
        System.out.printf("%,d-component CycloneDX (%,.1f MB) into a fresh SQLite, median of %d after %d warm-ups:%n",
                components, Measurements.megabytes(Measurements.size(bom)), runs, WARM_UP_RUNS);
        System.out.printf("  ingest                %,.0f ms (min %,.0f, max %,.0f)%n",
                Measurements.millis(Measurements.median(ingest)), Measurements.millis(min(ingest)),
                Measurements.millis(Measurements.percentile(ingest, 1)));
        System.out.printf("  open+ingest+close     %,.0f ms (includes the schema migration of a new file)%n",
                Measurements.millis(Measurements.median(total)));
    }

    private static IngestSummary ingestOne(Supplygraph graph, Path bom) {
        IngestSummary summary = graph.ingest(List.of(bom.toString()), InputStream.nullInputStream(),
                new IngestListener() {});
        if (summary.stored() != 1) {
            throw new IllegalStateException(bom + " was not stored: " + summary);
        }
        return summary;
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** Ingests {@code bom} in a child JVM with the heap limit and returns its report. */
    private static String heapInChild(Path bom, String limit) throws Exception {
        String size = String.format("%,.0f MB SBOM (%s)", Measurements.megabytes(Measurements.size(bom)),
                bom.getFileName());
        return size + " " + new ChildJvm(limit).run(HeapProbe.class, bom.toString());
    }

    /** The child: ingests one SBOM and reports its memory. */
    public static final class HeapProbe {

        public static void main(String[] argv) throws Exception {
            MemoryProbe probe = MemoryProbe.start();
            Path bom = Path.of(argv[0]);
            Store store = Store.fresh(null, "single-heap");
            long start = System.nanoTime();
            try (Supplygraph graph = Supplygraph.open(store.location())) {
                IngestSummary summary = ingestOne(graph, bom);
                System.out.printf("stored %,d components in %,.1f s%n", summary.components(),
                        (System.nanoTime() - start) / 1e9);
            }
            store.discard();
            probe.report();
        }
    }
}
