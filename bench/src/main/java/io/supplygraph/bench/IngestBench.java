package io.supplygraph.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.bench.PortfolioGenerator.Spec;
import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How fast a portfolio goes into the store, against how fast its bytes can merely be tokenised: the issue's
 * target is an ingest at most 3x a pure Jackson streaming pass over the same files.
 *
 * <pre>bench/run IngestBench --sboms 1000 --components 500 [--db URL|path] [--keep] [--seed 42] [--spdx-share 0.5]</pre>
 *
 * Without {@code --db} the store is a fresh SQLite file under {@code bench/out/}, deleted afterwards unless
 * {@code --keep}; a {@code jdbc:postgresql:} URL should name an empty database.
 */
public final class IngestBench {

    private static final int TOKEN_PASSES = 3;
    private static final JsonFactory JSON = new JsonFactory();

    private IngestBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of("keep"));
        Spec spec = new Spec(args.integer("sboms", 1000), args.integer("components", 500), args.number("seed", 42),
                args.decimal("spdx-share", 0.5), false);
        String db = args.string("db", null);
        boolean keep = args.flag("keep");
        args.done();

        List<Path> files = PortfolioGenerator.cached(spec);
        long bytes = Measurements.bytes(files);
        System.out.printf("portfolio: %,d SBOMs x %,d components, %,.0f MB%n", files.size(), spec.components(),
                Measurements.megabytes(bytes));

        long tokenPass = Long.MAX_VALUE;
        for (int pass = 1; pass <= TOKEN_PASSES; pass++) {
            long start = System.nanoTime();
            long tokens = tokenise(files);
            long took = System.nanoTime() - start;
            tokenPass = Math.min(tokenPass, took);
            System.out.printf("jackson token pass %d: %,.0f ms (%,d tokens)%n", pass, Measurements.millis(took), tokens);
        }

        Store store = Store.fresh(db, "ingest-" + spec.folderName());
        long openStart = System.nanoTime();
        IngestSummary summary;
        long ingest;
        try (Supplygraph graph = Supplygraph.open(store.location())) {
            long opened = System.nanoTime();
            System.out.printf("opened %s in %,.0f ms (schema migration; not counted below)%n", graph.location(),
                    Measurements.millis(opened - openStart));
            summary = graph.ingest(List.of(files.get(0).getParent().toString()), InputStream.nullInputStream(),
                    new Progress(opened));
            ingest = System.nanoTime() - opened;
            System.out.println("store size before close: " + store.describeSize());
        }
        String size = store.describeSize();

        double seconds = ingest / 1e9;
        System.out.println();
        System.out.println("== IngestBench " + spec.folderName() + " into " + store.kind() + " ==");
        System.out.printf("documents stored      %,d (already stored %,d, rejected %,d)%n", summary.stored(),
                summary.alreadyStored(), summary.rejected());
        System.out.printf("input                 %,.0f MB, %,d components%n", Measurements.megabytes(bytes),
                summary.components());
        System.out.printf("(a) jackson tokens    %,.0f ms best of %d (%,.0f MB/s)%n", Measurements.millis(tokenPass),
                TOKEN_PASSES, Measurements.megabytes(bytes) / (tokenPass / 1e9));
        System.out.printf("(b) ingest            %,.1f s: %,.0f docs/s, %,.0f components/s%n", seconds,
                summary.stored() / seconds, summary.components() / seconds);
        System.out.printf("ratio (b)/(a)         %.1fx%n", (double) ingest / tokenPass);
        System.out.println("database size         " + size);
        if (!keep) {
            store.discard();
        } else {
            System.out.println("kept                  " + store.location());
        }
        if (summary.rejected() > 0) {
            System.exit(1);
        }
    }

    /** Reads every token of every file and builds nothing: the floor any JSON ingest stands on. */
    static long tokenise(List<Path> files) throws IOException {
        long tokens = 0;
        for (Path f : files) {
            try (JsonParser json = JSON.createParser(f.toFile())) {
                while (json.nextToken() != null) {
                    tokens++;
                }
            }
        }
        return tokens;
    }

    /**
     * Shows a long run's pace, and why a document was rejected: a benchmark that silently stores fewer
     * documents measures nothing.
     */
    private static final class Progress implements IngestListener {
        private static final int EVERY = 500;
        private final long start;
        private int stored;
        private int printed;

        Progress(long start) {
            this.start = start;
        }

        @Override
        public void stored(String source, DocumentRecord record) {
            if (++stored % EVERY == 0) {
                System.out.printf("  %,d documents stored after %,.1f s%n", stored, (System.nanoTime() - start) / 1e9);
            }
        }

        @Override
        public void rejected(String source, String reason) {
            if (printed++ < 5) {
                System.err.println("rejected " + source + ": " + reason);
            }
        }
    }

    /** The store a run ingests into, and how to measure and remove it. */
    record Store(String location, Path sqliteFile) {

        static Store fresh(String given, String name) throws IOException {
            if (given != null && given.startsWith("jdbc:postgresql:")) {
                return new Store(given, null);
            }
            Path file = given != null ? Path.of(given) : Measurements.outFolder().resolve(name + ".db");
            Store store = new Store(file.toString(), file.toAbsolutePath());
            store.discard();
            return store;
        }

        String kind() {
            return sqliteFile == null ? "PostgreSQL" : "SQLite";
        }

        String describeSize() {
            if (sqliteFile == null) {
                return String.format("%,.0f MB (pg_database_size)", Measurements.megabytes(PostgresSize.of(location)));
            }
            long main = Measurements.size(sqliteFile);
            long wal = Measurements.size(Path.of(sqliteFile + "-wal"));
            return String.format("%,.0f MB (file %,.0f MB + wal %,.0f MB)", Measurements.megabytes(main + wal),
                    Measurements.megabytes(main), Measurements.megabytes(wal));
        }

        void discard() throws IOException {
            if (sqliteFile != null) {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(Path.of(sqliteFile + suffix));
                }
            }
        }
    }
}
