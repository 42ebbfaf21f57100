package io.supplygraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.analysis.view.Stats;
import io.supplygraph.analysis.vulns.Sboms;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.TestStores;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The graph as a server shares it: ingests from several threads at once, and readers each with a graph of their own. */
class ReadingGraphTest {

    private static final String SHARED = "pkg:npm/shared@1.0.0";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReadingGraphAnswersQueriesAndRefusesToWrite(Kind kind) throws Exception {
        Path app = Sboms.write(tmp.resolve("sboms"), "app.cdx.json", "pkg:generic/acme/app@1", SHARED);
        Path advisory = Sboms.osv(tmp.resolve("osv"), "GHSA-aaaa-bbbb-cccc", "2026-11-01T00:00:00Z", "", """
                {"package":{"ecosystem":"npm","name":"shared"},
                 "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}""");
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, app);
            String digest = graph.documents().get(0).digest();

            try (Supplygraph reading = graph.reading()) {
                assertThat(reading.stats().documents()).isEqualTo(1);
                assertThat(reading.dependents(SHARED)).hasSize(1);
                assertThat(reading.location()).isEqualTo(graph.location());

                assertThatThrownBy(() -> ingest(reading, app)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("does not write");
                assertThatThrownBy(() -> reading.deleteDocument(digest)).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> reading.importAdvisories(List.of(advisory.toString()),
                        InputStream.nullInputStream(), new IngestListener() {}))
                        .isInstanceOf(IllegalStateException.class);
            }
            assertThat(graph.stats().documents()).isEqualTo(1);
        }
    }

    /**
     * Three threads ingest folders at once (one file in two of them) through the one graph while four others ask,
     * each through reading graphs: every document is stored once, and each reading graph's answers agree with each
     * other (every application contains the shared package).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void threadsIngestAtOnceWhileOthersReadThroughReadingGraphs(Kind kind) throws Exception {
        int ingests = 3;
        int perFolder = 8;
        List<Path> folders = new ArrayList<>();
        for (int f = 0; f < ingests; f++) {
            Path folder = tmp.resolve("folder-" + f);
            for (int d = 0; d < perFolder; d++) {
                Sboms.write(folder, "app-" + d + ".cdx.json", "pkg:generic/acme/app-" + f + "-" + d + "@1", SHARED,
                        "pkg:npm/own-" + f + "-" + d + "@1.0.0", "pkg:npm/common-" + d + "@1.0.0");
            }
            folders.add(folder);
        }
        Sboms.write(folders.get(1), "twice.cdx.json", "pkg:generic/acme/twice@1", SHARED);
        Sboms.write(folders.get(2), "twice.cdx.json", "pkg:generic/acme/twice@1", SHARED);
        int documents = ingests * perFolder + 1;

        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            AtomicBoolean ingesting = new AtomicBoolean(true);
            Queue<String> disagreements = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(ingests + 4);
            try {
                List<Future<IngestSummary>> summaries = new ArrayList<>();
                for (Path folder : folders) {
                    summaries.add(threads.submit(() -> ingest(graph, folder)));
                }
                List<Future<Object>> readers = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    Callable<Object> reader = () -> {
                        boolean last = false;
                        while (!last) {
                            last = !ingesting.get();
                            try (Supplygraph reading = graph.reading()) {
                                Stats stats = reading.stats();
                                int applications = stats.documents() == 0 ? 0 : reading.dependents(SHARED).size();
                                if (applications != stats.documents() || reading.documents().size() != applications) {
                                    disagreements.add(stats + " but " + applications + " applications");
                                }
                            }
                        }
                        return null;
                    };
                    readers.add(threads.submit(reader));
                }
                int stored = 0;
                int already = 0;
                for (Future<IngestSummary> summary : summaries) {
                    IngestSummary s = summary.get(180, TimeUnit.SECONDS);
                    stored += s.stored();
                    already += s.alreadyStored();
                    assertThat(s.rejected()).isZero();
                }
                ingesting.set(false);
                for (Future<Object> reader : readers) {
                    reader.get(60, TimeUnit.SECONDS);
                }

                assertThat(stored).isEqualTo(documents);
                assertThat(already).isEqualTo(1);
            } finally {
                threads.shutdownNow();
            }
            assertThat(disagreements).isEmpty();
            try (Supplygraph reading = graph.reading()) {
                assertThat(reading.stats().documents()).isEqualTo(documents);
                assertThat(reading.dependents(SHARED)).hasSize(documents);
            }
        }
    }

    private static IngestSummary ingest(Supplygraph graph, Path source) {
        return graph.ingest(List.of(source.toString()), InputStream.nullInputStream(), new IngestListener() {});
    }
}
