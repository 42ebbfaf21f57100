package io.supplygraph.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.RematchSql.Waiting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RematchSqlTest {

    private static final String SINCE = "2026-11-30T18:00:00Z";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jobsTakeTheUnpublishedKeysInOrderAtMostTheirLimitEach(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.rematches().markPending(List.of("pypi/e", "pypi/c", "pypi/a", "pypi/d", "pypi/b"), SINCE);
            List<List<String>> published = new ArrayList<>();

            assertThat(store.rematches().claim("job-1", 2, published::add)).containsExactly("pypi/a", "pypi/b");
            assertThat(store.rematches().claim("job-2", 10, published::add))
                    .containsExactly("pypi/c", "pypi/d", "pypi/e");
            assertThat(store.rematches().claim("job-3", 10, published::add)).isEmpty();

            assertThat(published).containsExactly(List.of("pypi/a", "pypi/b"), List.of("pypi/c", "pypi/d", "pypi/e"));
            assertThat(store.rematches().waiting()).isEqualTo(new Waiting(0, 5));
            assertThat(store.rematches().anyUnpublished()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keysWhosePublishingFailedWaitForTheNextJob(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.rematches().markPending(List.of("npm/a", "npm/b"), SINCE);

            assertThatThrownBy(() -> store.rematches().claim("job-1", 10, keys -> {
                throw new IllegalStateException("the queue is away");
            })).hasMessage("the queue is away");

            assertThat(store.rematches().waiting()).isEqualTo(new Waiting(2, 0));
            assertThat(store.rematches().claim("job-2", 10, keys -> { })).containsExactly("npm/a", "npm/b");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aJobSettlesOnlyTheKeysItStillHolds(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.rematches().markPending(List.of("go/a", "go/b"), SINCE);
            store.rematches().claim("job-1", 1, keys -> { });
            store.rematches().markPending(List.of("go/c"), SINCE);

            store.rematches().settle(List.of("go/a", "go/b", "go/c"), "job-1");
            assertThat(store.rematches().waiting()).as("go/b and go/c were never job-1's").isEqualTo(new Waiting(2, 0));

            store.rematches().settle(List.of("go/b"), null);
            assertThat(store.rematches().claim("job-2", 10, keys -> { })).containsExactly("go/c");
            store.rematches().settle(List.of("go/c"), "job-1");
            assertThat(store.rematches().waiting()).as("go/c is job-2's now").isEqualTo(new Waiting(0, 1));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aKeyMarkedAgainStaysInTheJobThatHoldsIt(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.rematches().markPending(List.of("maven/a"), SINCE);
            store.rematches().claim("job-1", 10, keys -> { });

            store.rematches().markPending(List.of("maven/a", "maven/b"), SINCE);

            assertThat(store.rematches().waiting()).isEqualTo(new Waiting(1, 1));
            assertThat(store.rematches().claim("job-2", 10, keys -> { })).containsExactly("maven/b");
        }
    }

    /** Two publishers at once (importers, idle workers) share the keys out: none is published twice. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "POSTGRESQL")
    void aSecondPublisherSkipsTheKeysTheFirstHoldsAndTakesTheRest(Kind kind) throws Exception {
        String location = TestStores.fresh(kind, tmp);
        try (GraphStore first = GraphStore.open(location); GraphStore second = GraphStore.open(location)) {
            first.rematches().markPending(List.of("cargo/a", "cargo/b", "cargo/c", "cargo/d"), SINCE);
            CountDownLatch publishing = new CountDownLatch(1);
            CountDownLatch secondDone = new CountDownLatch(1);
            CompletableFuture<List<String>> firstClaim = CompletableFuture.supplyAsync(() ->
                    first.rematches().claim("job-1", 2, keys -> {
                        publishing.countDown();
                        await(secondDone);
                    }));
            assertThat(publishing.await(30, TimeUnit.SECONDS)).as("the first claim reached its publishing").isTrue();

            List<String> secondClaim = second.rematches().claim("job-2", 10, keys -> { });
            secondDone.countDown();

            assertThat(secondClaim).containsExactly("cargo/c", "cargo/d");
            assertThat(firstClaim.get(30, TimeUnit.SECONDS)).containsExactly("cargo/a", "cargo/b");
            assertThat(first.rematches().waiting()).isEqualTo(new Waiting(0, 4));
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
