package io.supplygraph.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.supplygraph.bench.portfolio.DenseBom;
import io.supplygraph.bench.portfolio.PackagePool;
import io.supplygraph.bench.portfolio.SbomPlan;
import io.supplygraph.bench.portfolio.SbomWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes a synthetic portfolio: N SBOMs of M components each, CycloneDX 1.5 and SPDX 2.3 JSON mixed, drawn
 * from a shared package pool with real-world reuse (see {@link PackagePool}). Each SBOM has its own random
 * stream derived from the seed and its index, so the output is the same for a seed however many threads
 * write it.
 *
 * <pre>bench/run PortfolioGenerator --out DIR --sboms N --components M [--seed S] [--spdx-share 0.5] [--single] [--dense]</pre>
 */
public final class PortfolioGenerator {

    /**
     * What to generate.
     *
     * @param spdxShare the fraction of SBOMs written as SPDX; the rest are CycloneDX
     * @param single    one SBOM named {@code single-M.cdx.json} (or {@code .spdx.json} at a share of 1), for
     *                  benchmarks of one large document
     * @param dense     one {@link DenseBom} named {@code dense-M.cdx.json} instead, for benchmarks of memory
     */
    public record Spec(int sboms, int components, long seed, double spdxShare, boolean single, boolean dense) {

        public Spec {
            if (sboms < 1 || components < 1) {
                throw new IllegalArgumentException("a portfolio needs at least one SBOM of at least one component");
            }
            if (spdxShare < 0 || spdxShare > 1) {
                throw new IllegalArgumentException("--spdx-share is a fraction between 0 and 1");
            }
            if (dense && (sboms != 1 || spdxShare != 0)) {
                throw new IllegalArgumentException("a dense BOM is one CycloneDX document");
            }
        }

        public Spec(int sboms, int components, long seed, double spdxShare, boolean single) {
            this(sboms, components, seed, spdxShare, single, false);
        }

        public static Spec portfolio(int sboms, int components) {
            return new Spec(sboms, components, 42, 0.5, false);
        }

        public static Spec single(int components) {
            return new Spec(1, components, 42, 0, true);
        }

        public static Spec dense(int components) {
            return new Spec(1, components, 42, 0, true, true);
        }

        /** A folder name that identifies the spec, for caching generated portfolios. */
        public String folderName() {
            return dense ? "dense-" + components
                    : single ? "single-" + components + "-seed" + seed
                    : sboms + "x" + components + "-seed" + seed + "-spdx" + Math.round(spdxShare * 100);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();
    /** The smallest pool per ecosystem: big enough for a long tail that most SBOMs do not share. */
    private static final int MIN_POOL = 2_500;

    private PortfolioGenerator() {}

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv, Set.of("single", "dense"));
        Path out = Path.of(args.string("out", "bench/out/portfolio"));
        boolean dense = args.flag("dense");
        boolean single = dense || args.flag("single");
        Spec spec = new Spec(single ? 1 : args.integer("sboms", 100), args.integer("components", 500),
                args.number("seed", 42), args.decimal("spdx-share", single ? 0 : 0.5), single, dense);
        args.done();
        long start = System.nanoTime();
        List<Path> files = generate(spec, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("wrote %,d SBOMs (%,.0f MB) to %s in %.1f s%n", files.size(), Measurements.megabytes(Measurements.bytes(files)), out,
                seconds);
    }

    /**
     * The portfolio for {@code spec} under {@code bench/out/}, generated on first use: benchmarks measure the
     * same files run after run without paying for their generation again. A marker written last tells a
     * complete folder from one an interrupted run left behind.
     */
    public static List<Path> cached(Spec spec) throws IOException {
        Path folder = Measurements.outFolder().resolve(spec.folderName());
        Path complete = folder.resolve(".complete");
        if (!Files.exists(complete)) {
            Measurements.deleteTree(folder);
            long start = System.nanoTime();
            List<Path> files = generate(spec, folder);
            Files.createFile(complete);
            System.out.printf("generated %,d SBOMs (%,.0f MB) in %s in %.1f s%n", files.size(),
                    Measurements.megabytes(Measurements.bytes(files)), folder, (System.nanoTime() - start) / 1e9);
            return files;
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Writes the SBOMs into {@code folder} (created if missing) and returns their paths in index order. */
    public static List<Path> generate(Spec spec, Path folder) throws IOException {
        Files.createDirectories(folder);
        if (spec.dense()) {
            Path file = folder.resolve("dense-" + spec.components() + ".cdx.json");
            write(file, json -> DenseBom.write(spec.components(), json));
            return List.of(file);
        }
        PackagePool pool = new PackagePool(Math.max(MIN_POOL, spec.components()));
        int threads = Math.min(spec.sboms(), Runtime.getRuntime().availableProcessors());
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> written = new ArrayList<>(spec.sboms());
            for (int i = 0; i < spec.sboms(); i++) {
                int index = i;
                written.add(executor.submit(() -> writeOne(spec, pool, index, folder)));
            }
            List<Path> files = new ArrayList<>(written.size());
            for (Future<Path> f : written) {
                files.add(f.get());
            }
            return files;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("generating failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private static Path writeOne(Spec spec, PackagePool pool, int index, Path folder) {
        SplittableRandom random = new SplittableRandom(spec.seed() * 0x9E37_79B9_7F4A_7C15L + index);
        boolean spdx = random.nextDouble() < spec.spdxShare();
        SbomPlan plan = SbomPlan.draw(pool, index, spec.components(), random);
        SbomWriter writer = spdx ? SbomWriter.spdx() : SbomWriter.cycloneDx();
        String name = spec.single() ? "single-" + spec.components() : String.format("sbom-%05d", index);
        Path file = folder.resolve(name + (spdx ? ".spdx.json" : ".cdx.json"));
        try {
            write(file, json -> writer.write(plan, json));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        return file;
    }

    private interface Content {
        void write(JsonGenerator json) throws IOException;
    }

    private static void write(Path file, Content content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            content.write(json);
        }
    }
}
