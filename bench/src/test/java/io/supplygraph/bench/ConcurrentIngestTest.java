package io.supplygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.bench.PortfolioGenerator.Spec;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many {@code supplygraph ingest} processes writing one store at once, as CI jobs of a whole organisation do: each
 * a child JVM with its own connection, on a fresh SQLite file and a fresh PostgreSQL schema. Whatever the
 * interleaving, every document is stored once and whole, and the graph is the one a single process builds from
 * the same files.
 */
class ConcurrentIngestTest {

    private static final int WRITERS = 8;
    /** Small JVMs that start fast: eight of them share two cores with the build, and none runs long enough to
     * repay the optimising compiler. */
    private static final List<String> CHILD_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Duration LIMIT = Duration.ofMinutes(3);
    /** Printed with any failure of the kill test, so that the same kills can be replayed. */
    private static final long KILL_SEED = 20_261_130L;
    /** Far below SQLite's 30 s busy timeout: a reader that waited on the writer's lock would take that long. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(3);

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static List<Path> files;
    private static final Map<Kind, OneWriter> ONE_WRITER = new EnumMap<>(Kind.class);

    /**
     * What one process made of the portfolio, the package whose blast radius the tests compare, and how long the
     * process took: the kill test spreads its kills over twice that, to land them while the writers run, however
     * fast this machine is today.
     */
    private record OneWriter(String purl, GraphState state, long millis) {}

    @BeforeAll
    static void generatePortfolio() throws Exception {
        files = PortfolioGenerator.generate(new Spec(64, 150, 7, 0.5, false), shared.resolve("portfolio"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eightWritersOverDisjointSharesStoreWhatOneWriterStores(Kind kind) throws Exception {
        String db = TestStores.fresh(kind, tmp);
        List<IngestRun> runs = ingestAtOnce(db, IngestProcess.disjointShares(files, WRITERS));

        assertNoneFailed(runs, db, "");
        assertThat(reported(runs, "ingested")).as("processes that ingested each document")
                .isEqualTo(everyDocument(kind, 1));
        assertThat(reported(runs, "already-ingested")).as("documents a process found already ingested").isEmpty();
        assertSameAsOneWriter(kind, db);
        // Retries would hide them, but writers that take their locks in one order never deadlock: a deadlock here
        // means some lock is taken out of order again (matching document by document once made 294 in a 1,000-SBOM
        // run, every one retried to success).
        assertThat(runs.stream().mapToLong(r -> r.summary("deadlocks")).sum()).as("deadlocks").isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eightWritersOverTheSameFilesIngestEachDocumentOnceAndRejectNone(Kind kind) throws Exception {
        String db = TestStores.fresh(kind, tmp);
        List<IngestRun> runs = ingestAtOnce(db, Collections.nCopies(WRITERS, files));

        assertNoneFailed(runs, db, "");
        assertThat(reported(runs, "rejected")).as("rejected by any process").isEmpty();
        assertThat(reported(runs, "ingested")).as("processes that ingested each document")
                .isEqualTo(everyDocument(kind, 1));
        assertThat(reported(runs, "already-ingested")).as("processes that found each document already ingested")
                .isEqualTo(everyDocument(kind, WRITERS - 1));
        assertSameAsOneWriter(kind, db);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writersKilledPartWayLeaveNoPartialDocumentAndARerunCompletesTheGraph(Kind kind) throws Exception {
        long window = 2 * oneWriter(kind).millis();
        String db = TestStores.fresh(kind, tmp);
        Random random = new Random(KILL_SEED + kind.ordinal());
        List<IngestProcess> writers = IngestProcess.startEach(db, IngestProcess.disjointShares(files, WRITERS),
                CHILD_JVM, tmp);
        long started = System.nanoTime();
        List<Integer> victims = new ArrayList<>(IntStream.range(0, WRITERS).boxed().toList());
        Collections.shuffle(victims, random);
        victims = victims.subList(0, WRITERS / 2);
        List<Double> moments = random.doubles(victims.size()).sorted().boxed().toList();
        int cutShort = 0;
        for (int i = 0; i < victims.size(); i++) {
            Thread.sleep(Math.max(0, (long) (moments.get(i) * window) - (System.nanoTime() - started) / 1_000_000));
            cutShort += writers.get(victims.get(i)).kill() ? 1 : 0;
        }
        List<IngestRun> runs = IngestProcess.awaitAll(writers, LIMIT);
        List<IngestRun> survivors = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            if (!victims.contains(i)) {
                survivors.add(runs.get(i));
            }
        }
        survivors.add(IngestProcess.start("rerun", db, files, CHILD_JVM, tmp).await(LIMIT));

        String kills = String.format(" (seed %d: killed writers %s at %s of %d ms)", KILL_SEED + kind.ordinal(),
                victims, moments.stream().map(m -> String.format("%.2f", m)).toList(), window);
        assertThat(cutShort).as("writers still running when killed" + kills).isPositive();
        assertNoneFailed(survivors, db, kills);
        assertSameAsOneWriter(kind, db);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReaderIsAnsweredWithoutWaitingWhileAWriterIngests(Kind kind) throws Exception {
        String db = TestStores.fresh(kind, tmp);
        Supplygraph.open(db).close(); // the schema exists first: this test is about reading, not about creating
        IngestProcess writer = IngestProcess.start("writer", db, files, CHILD_JVM, tmp);
        List<String> failures = new ArrayList<>();
        long slowest = 0;
        int readsWhileWriting = 0;
        long seenWhileWriting = 0;
        while (writer.isAlive()) {
            long start = System.nanoTime();
            try (Supplygraph graph = Supplygraph.open(db)) {
                long documents = graph.stats().documents();
                if (writer.isAlive()) {
                    readsWhileWriting++;
                    seenWhileWriting = Math.max(seenWhileWriting, documents);
                }
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        IngestRun written = writer.await(LIMIT);

        assertThat(failures).as("reads that failed while the writer ingested").isEmpty();
        assertThat(Duration.ofNanos(slowest)).as("the slowest read").isLessThan(READ_LIMIT);
        assertThat(written.exit()).as(written.toString()).isZero();
        assertThat(readsWhileWriting).as("reads answered while the writer ran").isPositive();
        assertThat(seenWhileWriting).as("documents a read saw committed while the writer ran").isPositive();
    }

    private List<IngestRun> ingestAtOnce(String db, List<List<Path>> shares) throws Exception {
        return IngestProcess.awaitAll(IngestProcess.startEach(db, shares, CHILD_JVM, tmp), LIMIT);
    }

    /** Every process exited 0; the message says how much was stored and why each failure failed. */
    private static void assertNoneFailed(List<IngestRun> runs, String db, String circumstances) {
        long stored;
        try (Supplygraph graph = Supplygraph.open(db)) {
            stored = graph.stats().documents();
        }
        assertThat(runs.stream().filter(r -> r.exit() != 0).map(IngestRun::toString))
                .as("%d of %d documents stored in %s%s; processes that failed", stored, files.size(), db, circumstances)
                .isEmpty();
    }

    private static void assertSameAsOneWriter(Kind kind, String db) throws Exception {
        OneWriter one = oneWriter(kind);
        GraphState expected = one.state();
        GraphState actual = GraphState.of(db, one.purl());
        assertThat(actual.documents().size()).as("documents stored").isEqualTo(files.size());
        assertThat(actual.documents()).as("component count and contains rows of each document")
                .isEqualTo(expected.documents());
        assertThat(actual.stats()).as("stats").isEqualTo(expected.stats());
        assertThat(actual.packages()).as("packages").isEqualTo(expected.packages());
        assertThat(actual.dependents()).as("dependents " + one.purl()).isNotEmpty().isEqualTo(expected.dependents());
    }

    /** The portfolio ingested by one process into a store of its own: the answer every concurrent run must give. */
    private static synchronized OneWriter oneWriter(Kind kind) throws Exception {
        OneWriter known = ONE_WRITER.get(kind);
        if (known == null) {
            String db = TestStores.fresh(kind, shared);
            long start = System.nanoTime();
            IngestRun run = IngestProcess.start("one-writer", db, files, CHILD_JVM, shared).await(LIMIT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(run.exit()).as(run.toString()).isZero();
            String purl = GraphState.mostContained(db);
            known = new OneWriter(purl, GraphState.of(db, purl), millis);
            ONE_WRITER.put(kind, known);
        }
        return known;
    }

    /** Each document's digest, with {@code times} as the count a report must give it. */
    private static Map<String, Long> everyDocument(Kind kind, long times) throws Exception {
        return oneWriter(kind).state().documents().keySet().stream()
                .collect(Collectors.toMap(Function.identity(), d -> times));
    }

    /** How many processes reported each document's digest with {@code status}. */
    private static Map<String, Long> reported(List<IngestRun> runs, String status) {
        return runs.stream().flatMap(r -> r.withStatus(status).stream())
                .collect(Collectors.groupingBy(d -> d.path("digest").asText(d.path("source").asText()),
                        Collectors.counting()));
    }
}
