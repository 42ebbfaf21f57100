package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.sbom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.StoreResult;
import io.supplygraph.store.FactsListener;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writers on their own connections (as separate processes would be) storing into one database at once: nothing is
 * lost, nothing is stored twice, and nobody reports a conflict as a rejected document.
 */
class ConcurrentWritersTest {

    private static final int ROUNDS = 8;
    private static final int BATCH = 20;

    @TempDir
    Path tmp;

    /**
     * The pattern that deadlocked: each batch names the shared packages in the opposite order of the other
     * writer's, so with the packages inserted in the documents' transactions each writer held what the other needed.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void writersNamingSharedPackagesInOppositeOrdersStoreEverything(Kind kind) throws Exception {
        String location = TestStores.fresh(kind, tmp);
        try (GraphStore a = GraphStore.open(location); GraphStore b = GraphStore.open(location)) {
            List<List<DocumentRecord>> forward = new ArrayList<>();
            List<List<DocumentRecord>> backward = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                forward.add(batch("forward", round, false));
                backward.add(batch("backward", round, true));
            }
            List<StoreResult> results = inParallel(() -> storeEach(a, forward), () -> storeEach(b, backward));

            assertThat(results).hasSize(2 * ROUNDS * BATCH).allMatch(StoreResult::stored);
            assertThat(a.stats().stats().documents()).isEqualTo(2L * ROUNDS * BATCH);
            assertThat(a.stats().stats().versions()).as("every shared package once, plus each subject")
                    .isEqualTo(ROUNDS * BATCH + 2L * ROUNDS * BATCH);
            assertThat(a.retries().deadlocks() + b.retries().deadlocks()).as("shared nouns no longer deadlock")
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSameDocumentsFromTwoWritersAreStoredOnceAndAlreadyStoredForTheOther(Kind kind) throws Exception {
        String location = TestStores.fresh(kind, tmp);
        try (GraphStore a = GraphStore.open(location); GraphStore b = GraphStore.open(location)) {
            List<DocumentRecord> documents = batch("same", 0, false);
            List<DocumentRecord> reversed = new ArrayList<>(documents);
            Collections.reverse(reversed);

            List<StoreResult> results = inParallel(() -> a.storeAll(documents), () -> b.storeAll(reversed));

            assertThat(results).noneMatch(StoreResult::failed);
            assertThat(results.stream().filter(StoreResult::stored)).hasSize(BATCH);
            assertThat(a.stats().stats().documents()).isEqualTo(BATCH);
        }
    }

    /** A real deadlock, made inside two writers' transactions: the database aborts one, which is retried. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeadlockedTransactionIsRetriedToSuccess(Kind kind) throws Exception {
        assumeTrue(kind == Kind.POSTGRESQL, "SQLite has one writer at a time: its transactions cannot deadlock");
        String location = TestStores.fresh(kind, tmp);
        try (GraphStore a = GraphStore.open(location); GraphStore b = GraphStore.open(location)) {
            try (Statement s = a.database().connection().createStatement()) {
                s.execute("CREATE TABLE lock_pair (id INTEGER PRIMARY KEY)");
                s.execute("INSERT INTO lock_pair VALUES (1), (2)");
            }
            CyclicBarrier bothHoldOne = new CyclicBarrier(2);
            a.listen(lockingInOrder(a, bothHoldOne, 1, 2));
            b.listen(lockingInOrder(b, bothHoldOne, 2, 1));

            List<StoreResult> results = inParallel(() -> a.storeAll(batch("a", 0, false)),
                    () -> b.storeAll(batch("b", 0, true)));

            assertThat(results).allMatch(StoreResult::stored);
            assertThat(a.retries().deadlocks() + b.retries().deadlocks()).isEqualTo(1);
            assertThat(a.stats().stats().documents()).isEqualTo(2L * BATCH);
        }
    }

    /** Readers see the last commit while a write transaction is open, on SQLite thanks to WAL. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReaderIsNotBlockedByAnOpenWriteTransaction(Kind kind) throws Exception {
        String location = TestStores.fresh(kind, tmp);
        try (GraphStore writer = GraphStore.open(location); GraphStore reader = GraphStore.open(location)) {
            writer.storeAll(batch("first", 0, false));
            CountDownLatch inTransaction = new CountDownLatch(1);
            CountDownLatch readerDone = new CountDownLatch(1);
            writer.listen(documents -> {
                inTransaction.countDown();
                await(readerDone);
            });
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<List<StoreResult>> writing = pool.submit(() -> writer.storeAll(batch("second", 0, false)));
                assertThat(inTransaction.await(30, TimeUnit.SECONDS)).isTrue();
                long seen = reader.stats().stats().documents();
                readerDone.countDown();
                assertThat(seen).as("the committed batch, not the open one").isEqualTo(BATCH);
                assertThat(writing.get(60, TimeUnit.SECONDS)).allMatch(StoreResult::stored);
            } finally {
                readerDone.countDown();
                pool.shutdownNow();
            }
            assertThat(reader.stats().stats().documents()).isEqualTo(2L * BATCH);
        }
    }

    /**
     * Documents of one batch: each its own subject and one of the round's shared packages, the first document naming
     * the first package, or with {@code reversed} the last.
     */
    private static List<DocumentRecord> batch(String writer, int round, boolean reversed) {
        List<DocumentRecord> documents = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            int shared = reversed ? BATCH - 1 - i : i;
            String name = writer + "-" + round + "-" + i;
            documents.add(sbom(name, "pkg:generic/acme/" + name + "@1",
                    List.of("pkg:npm/shared-" + round + "-" + shared + "@1.0.0")));
        }
        return documents;
    }

    private static List<StoreResult> storeEach(GraphStore store, List<List<DocumentRecord>> batches) {
        List<StoreResult> results = new ArrayList<>();
        batches.forEach(batch -> results.addAll(store.storeAll(batch)));
        return results;
    }

    /** Inside the transaction, locks one row, waits until the other writer holds the other, then wants that one. */
    private static FactsListener lockingInOrder(GraphStore store, CyclicBarrier barrier, int first, int second) {
        AtomicBoolean done = new AtomicBoolean();
        return documents -> {
            if (done.getAndSet(true)) {
                return; // the retry goes through
            }
            try (Statement s = store.database().connection().createStatement()) {
                s.execute("UPDATE lock_pair SET id = id WHERE id = " + first);
                barrier.await(30, TimeUnit.SECONDS);
                s.execute("UPDATE lock_pair SET id = id WHERE id = " + second);
            } catch (java.sql.SQLException e) {
                throw new io.supplygraph.store.StoreException("locking", e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @SafeVarargs
    private static List<StoreResult> inParallel(java.util.concurrent.Callable<List<StoreResult>>... writers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.length);
        try {
            List<Future<List<StoreResult>>> futures = new ArrayList<>();
            for (var writer : writers) {
                futures.add(pool.submit(writer));
            }
            List<StoreResult> results = new ArrayList<>();
            for (Future<List<StoreResult>> f : futures) {
                results.addAll(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
