package io.supplygraph.analysis.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.Ingestor;
import io.supplygraph.ingest.osv.OsvImporter;
import io.supplygraph.store.FactsListener;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An SBOM and an advisory that meet on one package, stored by two writers at the same moment: each transaction
 * matches before the other commits, and the finding they make together must not fall between them.
 */
class ConcurrentMatchingTest {

    private static final String AFFECTED = "pkg:npm/race-condition-pkg@1.0.0";
    private static final String ENTRY = """
            {"package":{"ecosystem":"npm","name":"race-condition-pkg"},
             "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}""";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anSbomAndAnAdvisoryStoredAtOnceStillMeet(Kind kind) throws Exception {
        String location = TestStores.fresh(kind, tmp);
        Path sbom = Sboms.write(tmp.resolve("sbom"), "app.cdx.json", "pkg:generic/acme/app@1", AFFECTED);
        Path advisory = Sboms.osv(tmp.resolve("osv"), "GHSA-race-race-race", "2026-11-01T00:00:00Z", "", ENTRY);
        Path earlier = Sboms.osv(tmp.resolve("earlier"), "GHSA-earl-iery-test", "2026-10-01T00:00:00Z", "",
                ENTRY.replace("race-condition-pkg", "another-pkg"));
        try (GraphStore sbomWriter = GraphStore.open(location); GraphStore advisoryWriter = GraphStore.open(location)) {
            // The advisory writer has imported before, so it no longer catches up on every unmatched version (which
            // would make it wait for the SBOM's transaction and hide the race).
            advisoryWriter.listen(new VulnMatcher(advisoryWriter));
            importOsv(advisoryWriter, earlier);
            sbomWriter.listen(new VulnMatcher(sbomWriter));
            // After matching, each transaction waits (a little) for the other to have matched too, before committing.
            CyclicBarrier bothMatched = new CyclicBarrier(2);
            sbomWriter.listen(meet(bothMatched));
            advisoryWriter.listen(meet(bothMatched));

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> sbomDone = pool.submit(() -> new Ingestor(sbomWriter).ingest(List.of(sbom.toString()),
                        InputStream.nullInputStream(), new IngestListener() {}));
                Future<?> advisoryDone = pool.submit(() -> importOsv(advisoryWriter, advisory));
                sbomDone.get(60, TimeUnit.SECONDS);
                advisoryDone.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            assertThat(sbomWriter.findings().inPortfolio()).extracting(r -> r.purl())
                    .containsExactly(AFFECTED);
        }
    }

    private static IngestSummary importOsv(GraphStore store, Path file) {
        return new Ingestor(store, OsvImporter.options()).ingest(List.of(file.toString()), InputStream.nullInputStream(),
                new IngestListener() {});
    }

    /** Waits up to two seconds for the other writer: long enough to overlap, and no deadlock if it is held up. */
    private static FactsListener meet(CyclicBarrier barrier) {
        return documents -> {
            try {
                barrier.await(2, TimeUnit.SECONDS);
            } catch (Exception timedOutOrBroken) {
                // The other writer is waiting for this one (a lock, or SQLite's single writer): go on.
            }
        };
    }
}
