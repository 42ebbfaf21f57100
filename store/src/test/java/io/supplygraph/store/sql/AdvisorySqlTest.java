package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.advisory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.AdvisorySql.AdvisoryRow;
import io.supplygraph.store.sql.AdvisorySql.AffectedRow;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdvisorySqlTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAdvisoryIsNamedByItsIdOrAnyAlias(Kind kind) {
        try (GraphStore store = storeWithAdvisories(kind); GraphStore reader = store.reading()) {
            Set<Long> byId = reader.advisories().named(List.of("GHSA-35jh-r3h4-6jhm"));
            Set<Long> byAlias = reader.advisories().named(List.of("CVE-2021-23337"));

            assertThat(byId).hasSize(1).isEqualTo(byAlias);
            assertThat(reader.advisories().named(List.of("CVE-2021-23337", "GHSA-aaaa-bbbb-cccc"))).hasSize(2);
            assertThat(reader.advisories().named(List.of("CVE-1999-0001"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsAnAdvisoryWithItsSeverityAndSortedAliases(Kind kind) {
        try (GraphStore store = storeWithAdvisories(kind); GraphStore reader = store.reading()) {
            long id = reader.advisories().named(List.of("GHSA-35jh-r3h4-6jhm")).iterator().next();

            assertThat(reader.advisories().byIds(List.of(id))).containsOnlyKeys(id).extractingByKey(id)
                    .extracting(AdvisoryRow::osvId, AdvisoryRow::aliases, AdvisoryRow::kind, AdvisoryRow::rating,
                            AdvisoryRow::score, AdvisoryRow::withdrawn)
                    .containsExactly("GHSA-35jh-r3h4-6jhm", List.of("CVE-2021-23337", "SNYK-JS-LODASH-1040724"),
                            "vulnerability", "high", 7.5, null);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsTheEntriesOfAPackageByItsMatchKey(Kind kind) {
        try (GraphStore store = storeWithAdvisories(kind); GraphStore reader = store.reading()) {
            List<AffectedRow> lodash = reader.advisories().affectedByKeys(List.of("npm lodash"));

            assertThat(lodash).extracting(AffectedRow::key, AffectedRow::ordinal, AffectedRow::release)
                    .containsExactly(tuple("npm lodash", 0, null));
            assertThat(lodash.get(0).entry()).contains("\"introduced\":\"0\"", "\"fixed\":\"4.17.21\"");
            assertThat(reader.advisories().affectedOf(List.of(lodash.get(0).advisory()))).isEqualTo(lodash);
            assertThat(reader.advisories().affectedByKeys(List.of("npm lodash", "PyPI requests"))).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewerRecordOfTheSameIdTakesTheEntriesOverFromTheOlderDocument(Kind kind) {
        try (GraphStore store = storeWithAdvisories(kind)) {
            store.store(advisory("GHSA-35jh-r3h4-6jhm", List.of("CVE-2021-23337"), "2026-06-01T00:00:00Z",
                    "npm lodash", "0", "4.17.22"));

            try (GraphStore reader = store.reading()) {
                Map<String, Long> bySource = reader.documents().all().stream()
                        .collect(Collectors.toMap(DocumentRow::source, DocumentRow::id));
                long older = bySource.get("GHSA-35jh-r3h4-6jhm@2026-01-01T00:00:00Z");
                long newer = bySource.get("GHSA-35jh-r3h4-6jhm@2026-06-01T00:00:00Z");

                assertThat(reader.advisories().affectedOfDocuments(List.of(older))).isEmpty();
                assertThat(reader.advisories().affectedOfDocuments(List.of(newer))).singleElement()
                        .satisfies(row -> assertThat(row.entry()).contains("4.17.22"));
            }
        }
    }

    private GraphStore storeWithAdvisories(Kind kind) {
        GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp));
        store.store(advisory("GHSA-35jh-r3h4-6jhm", List.of("SNYK-JS-LODASH-1040724", "CVE-2021-23337"),
                "2026-01-01T00:00:00Z", "npm lodash", "0", "4.17.21"));
        store.store(advisory("GHSA-aaaa-bbbb-cccc", List.of(), "2026-01-01T00:00:00Z", "PyPI requests", "2.0.0",
                "2.31.0"));
        return store;
    }
}
