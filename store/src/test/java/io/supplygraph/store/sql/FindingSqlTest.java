package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.advisory;
import static io.supplygraph.store.TestDocuments.sbom;
import static io.supplygraph.store.TestStores.versionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.FindingSql.FindingRow;
import io.supplygraph.store.sql.FindingSql.KeyRow;
import io.supplygraph.store.sql.FindingSql.Listed;
import io.supplygraph.store.sql.FindingSql.NewVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What matching reads and writes, written here by hand as matching would (the store has no matcher of its own). */
class FindingSqlTest {

    private static final String APP = "pkg:npm/app@1.0.0";
    private static final String LODASH = "pkg:npm/lodash@4.17.20";
    private static final List<String> COMPONENTS = List.of(LODASH, "pkg:npm/a@1", "pkg:npm/b@1", "pkg:npm/c@1");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void newVersionsComeAPageAtATimeInIdOrderUntilTheyHaveKeys(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", APP, COMPONENTS));
            long document = store.documents().all().get(0).id();

            List<NewVersion> first = store.findings().unseenIn(List.of(document), 0, 3);
            List<NewVersion> rest = store.findings().unseenIn(List.of(document), first.get(2).id(), 3);
            assertThat(first).hasSize(3);
            assertThat(rest).hasSize(2);
            assertThat(first.get(0).id()).isLessThan(first.get(1).id());
            assertThat(rest.get(0).id()).isGreaterThan(first.get(2).id());
            assertThat(store.findings().unseen(0, 100)).hasSize(5);

            store.findings().insertKeys(List.of(new KeyRow(versionId(store, LODASH), "npm lodash", null, "4.17.20"),
                    new KeyRow(versionId(store, APP), "", null, null)));

            assertThat(store.findings().unseenIn(List.of(document), 0, 100)).hasSize(3)
                    .extracting(NewVersion::purl).doesNotContain(LODASH, APP);
            assertThat(store.findings().versionsWithKeys(List.of("npm lodash")))
                    .extracting(KeyRow::version, KeyRow::versionText)
                    .containsExactly(tuple(versionId(store, LODASH), "4.17.20"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findingsAreListedWithTheirPurlsAndAWriteReplacesTheVerdict(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", APP, COMPONENTS));
            store.store(advisory("GHSA-35jh-r3h4-6jhm", List.of(), "2026-01-01T00:00:00Z", "npm lodash", "0", "4.17.21"));
            long lodash = versionId(store, LODASH);
            long advisory = store.advisories().named(List.of("GHSA-35jh-r3h4-6jhm")).iterator().next();

            store.findings().upsert(List.of(new FindingRow(lodash, advisory, "unknown", null, "[]")));
            store.findings().upsert(List.of(new FindingRow(lodash, advisory, "affected", "SEMVER 0 - 4.17.21",
                    "[\"4.17.21\"]")));

            try (GraphStore reader = store.reading()) {
                assertThat(reader.findings().inPortfolio())
                        .extracting(Listed::purl, Listed::status, Listed::decidedBy, Listed::fixed)
                        .containsExactly(tuple(LODASH, "affected", "SEMVER 0 - 4.17.21", "[\"4.17.21\"]"));
                assertThat(reader.findings().ofVersions(List.of(lodash))).hasSize(1);
                assertThat(reader.findings().ofAdvisories(List.of(advisory))).hasSize(1);
                assertThat(reader.findings().ofVersions(List.of(versionId(reader, APP)))).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findingsOfVersionsNoStoredDocumentContainsLeaveThePortfolio(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", APP, COMPONENTS));
            store.store(advisory("GHSA-35jh-r3h4-6jhm", List.of(), "2026-01-01T00:00:00Z", "npm lodash", "0", "4.17.21"));
            long lodash = versionId(store, LODASH);
            long advisory = store.advisories().named(List.of("GHSA-35jh-r3h4-6jhm")).iterator().next();
            store.findings().upsert(List.of(new FindingRow(lodash, advisory, "affected", null, "[]")));

            store.documents().delete(store.documents().all().get(0).id());

            assertThat(store.findings().inPortfolio()).isEmpty();
            assertThat(store.findings().ofAdvisories(List.of(advisory))).isEmpty();
            assertThat(store.findings().ofVersions(List.of(lodash))).as("still there, for the version's sake").hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReadingStoreRefusesToWriteFindingsOrKeys(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", APP, COMPONENTS));
            try (GraphStore reader = store.reading()) {
                long lodash = versionId(reader, LODASH);

                assertThatThrownBy(() -> reader.findings().insertKeys(
                        List.of(new KeyRow(lodash, "npm lodash", null, "4.17.20"))))
                        .isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> reader.findings().upsert(List.of(new FindingRow(lodash, 1, "affected", null,
                        "[]")))).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> reader.findings().lockExclusively(List.of("npm lodash")))
                        .isInstanceOf(IllegalStateException.class);
            }
            assertThat(store.findings().unseen(0, 100)).hasSize(5);
        }
    }
}
