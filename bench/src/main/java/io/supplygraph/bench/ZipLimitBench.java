package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.bench.IngestBench.Store;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip with more entries than the limit (100,000 per source) given to {@code ingest}, in a child JVM: what the
 * refusal costs in time and memory. The target: refused at its limit, without growing to 2.5 GB RSS.
 *
 * <pre>bench/run ZipLimitBench [--entries 200000] [--heap-limit none|512m]</pre>
 *
 * Each entry is a distinct one-component CycloneDX BOM (about 230 bytes), as a bundle of real SBOMs would be.
 * The zip is written once under {@code bench/out/}; the child ingests it into a fresh SQLite file and reports
 * what it stored, why the zip was refused, and its memory ({@link MemoryProbe}). Without {@code --heap-limit} the
 * child has the JVM's default heap, as {@code ./supplygraph} does.
 */
public final class ZipLimitBench {

    private ZipLimitBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        int entries = args.integer("entries", 200_000);
        ChildJvm child = new ChildJvm(args.string("heap-limit", "none"));
        args.done();

        Path zip = zip(entries);
        String report = child.run(Probe.class, zip.toString());
        System.out.println();
        System.out.println("== ZipLimitBench ==");
        System.out.printf("zip of %,d entries (%,.0f MB), %s%n", entries, Measurements.megabytes(Measurements.size(zip)),
                report);
    }

    /** The zip of {@code entries} BOMs under {@code bench/out/}, written on first use. */
    private static Path zip(int entries) throws Exception {
        Path zip = Measurements.outFolder().resolve("zip-" + entries).resolve("many-" + entries + ".zip");
        if (Files.exists(zip)) {
            return zip;
        }
        Files.createDirectories(zip.getParent());
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new ZipEntry(String.format("sboms/app-%06d.cdx.json", i)));
                out.write(("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"metadata\":"
                        + "{\"component\":{\"type\":\"application\",\"name\":\"app-" + i + "\",\"version\":\"1.0.0\"}},"
                        + "\"components\":[{\"type\":\"library\",\"name\":\"lib-" + i + "\",\"version\":\"1.0.0\","
                        + "\"purl\":\"pkg:npm/lib-" + i + "@1.0.0\"}]}").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING);
        return zip;
    }

    /** The child: ingests the zip and reports what happened to it and its memory. */
    public static final class Probe {

        public static void main(String[] argv) throws Exception {
            MemoryProbe probe = MemoryProbe.start();
            Store store = Store.fresh(null, "zip-limit");
            String zip = argv[0];
            String[] refusal = {"not refused"};
            long start = System.nanoTime();
            IngestSummary summary;
            try (Supplygraph graph = Supplygraph.open(store.location())) {
                summary = graph.ingest(List.of(zip), InputStream.nullInputStream(), new IngestListener() {
                    @Override
                    public void rejected(String source, String reason) {
                        if (source.equals(zip)) {
                            refusal[0] = reason;
                        }
                    }
                });
            }
            System.out.printf("%,.1f s: %,d documents stored, %,d rejected; the zip: %s%n",
                    (System.nanoTime() - start) / 1e9, summary.stored(), summary.rejected(), refusal[0]);
            store.discard();
            probe.report();
        }
    }
}
