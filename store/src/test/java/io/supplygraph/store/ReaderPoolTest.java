package io.supplygraph.store;

import static io.supplygraph.store.TestDocuments.sbom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.StoreResult;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.StatsSql.Stats;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading stores: connections borrowed from the reader pool, each in its own snapshot, beside the one writer. */
class ReaderPoolTest {

    private static final Duration SHORT_WAIT = Duration.ofMillis(500);

    @TempDir
    Path tmp;

    /**
     * More readers than connections, each asking several questions per borrowed connection while two threads store
     * documents through the same store: every answer is one snapshot (the counts, the document list and what the
     * documents contain agree), snapshots only grow, and everybody finishes.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void manyReadersEachSeeOneConsistentGraphWhileWritersStore(Kind kind) throws Exception {
        int writers = 2;
        int documentsEach = 15;
        int readers = 6;
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp), new PoolOptions(4, Duration.ofSeconds(30)))) {
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            Queue<String> inconsistencies = new ConcurrentLinkedQueue<>();
            List<Callable<Object>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(() -> {
                    for (int d = 0; d < documentsEach; d++) {
                        assertThat(store.store(document(writer, d))).isTrue();
                    }
                    return null;
                });
            }
            for (int r = 0; r < readers; r++) {
                work.add(() -> {
                    long seen = 0;
                    boolean last = false;
                    while (!last) {
                        last = !writing.get();
                        seen = readConsistently(store, seen, inconsistencies);
                        reads.incrementAndGet();
                    }
                    return null;
                });
            }

            ExecutorService threads = Executors.newFixedThreadPool(work.size());
            try {
                List<Future<Object>> futures = work.stream().map(threads::submit).toList();
                for (Future<Object> writer : futures.subList(0, writers)) {
                    writer.get(120, TimeUnit.SECONDS);
                }
                writing.set(false);
                for (Future<Object> reader : futures.subList(writers, futures.size())) {
                    reader.get(60, TimeUnit.SECONDS);
                }
            } catch (TimeoutException e) {
                throw new AssertionError("readers and writers did not finish: a deadlock, or a connection never given back", e);
            } finally {
                threads.shutdownNow();
            }

            assertThat(inconsistencies).isEmpty();
            assertThat(reads.get()).isGreaterThanOrEqualTo(readers);
            try (GraphStore reader = store.reading()) {
                assertThat(reader.stats().stats().documents()).isEqualTo((long) writers * documentsEach);
            }
        }
    }

    /** One borrowed connection, four questions; returns how many documents it saw. */
    private static long readConsistently(GraphStore store, long seenBefore, Queue<String> inconsistencies) {
        try (GraphStore reader = store.reading()) {
            Stats before = reader.stats().stats();
            List<DocumentRow> documents = reader.documents().all();
            int contained = documents.isEmpty() ? 0
                    : reader.graph().containedIn(documents.stream().map(DocumentRow::id).toList()).size();
            Stats after = reader.stats().stats();
            long components = documents.stream().mapToLong(DocumentRow::componentCount).sum();
            if (!before.equals(after) || documents.size() != before.documents() || components != before.components()
                    || contained != components + documents.size() || before.documents() < seenBefore) {
                inconsistencies.add(before + " then " + after + ", " + documents.size() + " documents of "
                        + components + " components containing " + contained + " rows, after seeing " + seenBefore);
            }
            return before.documents();
        }
    }

    /** Twenty components each, half of them shared by every document, so that writers meet on the same nouns. */
    private static DocumentRecord document(int writer, int index) {
        List<String> components = IntStream.range(0, 20)
                .mapToObj(i -> i % 2 == 0 ? "pkg:npm/shared-" + i + "@1.0.0" : "pkg:npm/own-" + writer + "-" + index + "-" + i + "@1.0.0")
                .toList();
        return sbom("w" + writer + "-" + index, "pkg:generic/acme/app-" + writer + "-" + index + "@1", components);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReadingStoreSeesTheGraphAsOfItsFirstQuery(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(document(0, 0));
            try (GraphStore reader = store.reading()) {
                assertThat(reader.stats().stats().documents()).isEqualTo(1);

                store.store(document(0, 1));

                assertThat(reader.documents().all()).hasSize(1);
                assertThat(reader.stats().stats().documents()).isEqualTo(1);
                try (GraphStore later = store.reading()) {
                    assertThat(later.stats().stats().documents()).isEqualTo(2);
                }
            }
            assertThat(store.stats().stats().documents()).as("the writer's own view").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReadingStoreRefusesToWrite(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp)); GraphStore reader = store.reading()) {
            DocumentRecord document = document(0, 0);

            assertThat(reader.isReading()).isTrue();
            assertThat(store.isReading()).isFalse();
            assertThatThrownBy(() -> reader.store(document)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Supplygraph.open");
            assertThatThrownBy(() -> reader.storeAll(List.of(document))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> reader.contains(document.digest())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> reader.listen(stored -> {})).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(reader::requireWritable).isInstanceOf(IllegalStateException.class);
            assertThat(store.stats().stats().documents()).isZero();
        }
    }

    /** Should some write reach a reader connection all the same, the database refuses it. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReaderConnectionRefusesWritesSentAsSql(Kind kind) {
        try (Database database = Database.open(TestStores.fresh(kind, tmp));
                ReadingSession session = database.reading();
                Statement s = session.connection().createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO source (url) VALUES ('https://github.com/acme/x')"))
                    .isInstanceOf(SQLException.class);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void closingAReadingStoreGivesItsConnectionBack(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp), new PoolOptions(2, SHORT_WAIT))) {
            for (int i = 0; i < 10; i++) {
                try (GraphStore reader = store.reading()) {
                    assertThat(reader.stats().stats().documents()).isZero();
                }
            }

            GraphStore first = store.reading();
            GraphStore second = store.reading();
            assertThatThrownBy(store::reading).as("a third while both are lent").isInstanceOf(StoreException.class)
                    .hasMessageContaining("borrowing a reader connection");
            first.close();
            try (GraphStore third = store.reading()) {
                assertThat(third.stats().stats().documents()).isZero();
            }
            second.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void closingAReadingStoreTwiceGivesItsConnectionBackOnce(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp), new PoolOptions(1, SHORT_WAIT))) {
            GraphStore reader = store.reading();
            reader.close();
            reader.close();

            assertThatThrownBy(() -> reader.stats().stats()).isInstanceOf(IllegalStateException.class);
            try (GraphStore again = store.reading()) {
                assertThatThrownBy(store::reading).as("the one connection is lent once").isInstanceOf(StoreException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void closingTheStoreClosesThePool(Kind kind) {
        GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp));
        store.reading().close();
        store.close();

        assertThatThrownBy(store::reading).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** The writer connection is shared by the threads of a process: their transactions take turns, none is lost. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void threadsOfOneProcessStoringAtOnceThroughOneStoreStoreEverything(Kind kind) throws Exception {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<StoreResult>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    List<DocumentRecord> batch = IntStream.range(0, 10).mapToObj(d -> document(thread, d)).toList();
                    results.add(threads.submit(() -> store.storeAll(batch)));
                }
                for (Future<List<StoreResult>> result : results) {
                    assertThat(result.get(120, TimeUnit.SECONDS)).hasSize(10).allMatch(StoreResult::stored);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(store.stats().stats().documents()).isEqualTo(40);
        }
    }

    @Test
    void poolOptionsComeFromSystemPropertiesWithEightReadersByDefault() {
        assertThat(PoolOptions.defaults()).isEqualTo(new PoolOptions(8, Duration.ofSeconds(30)));
        System.setProperty(PoolOptions.READERS_PROPERTY, "3");
        System.setProperty(PoolOptions.TIMEOUT_PROPERTY, "5");
        try {
            assertThat(PoolOptions.defaults()).isEqualTo(new PoolOptions(3, Duration.ofSeconds(5)));
        } finally {
            System.clearProperty(PoolOptions.READERS_PROPERTY);
            System.clearProperty(PoolOptions.TIMEOUT_PROPERTY);
        }
        assertThatThrownBy(() -> new PoolOptions(0, SHORT_WAIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolOptions(1, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
    }
}
