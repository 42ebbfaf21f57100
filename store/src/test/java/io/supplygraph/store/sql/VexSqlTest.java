package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.statement;
import static io.supplygraph.store.TestDocuments.vex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.model.fact.VexFacts.Status;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestDocuments;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.VexSql.StatementRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VexSqlTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void statementsAboutAPackageCoverOneVersionOrEvery(Kind kind) {
        try (GraphStore store = storeWithStatements(kind); GraphStore reader = store.reading()) {
            assertThat(reader.vex().about(List.of("pkg:npm/lodash")))
                    .extracting(StatementRow::packagePurl, StatementRow::packageVersion, StatementRow::status)
                    .containsExactly(tuple("pkg:npm/lodash@4.17.20", "4.17.20", Status.AFFECTED),
                            tuple("pkg:npm/lodash", null, Status.NOT_AFFECTED));
            assertThat(reader.vex().about(List.of("pkg:npm/left-pad"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyStatementComesWithEveryIdOfItsVulnerabilityUpperCased(Kind kind) {
        try (GraphStore store = storeWithStatements(kind); GraphStore reader = store.reading()) {
            List<StatementRow> all = reader.vex().all(null);

            assertThat(all).extracting(StatementRow::vulnerability)
                    .containsExactly("CVE-2021-23337", "CVE-2021-23337", "CVE-2023-0001");
            assertThat(all.get(0).vulnerabilityIds()).containsExactlyInAnyOrder("CVE-2021-23337", "GHSA-35JH-R3H4-6JHM");
            assertThat(all.get(0).documentDigest()).isEqualTo(TestDocuments.digestOf("lodash.vex"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aVulnerabilityIsFoundByAnyOfItsIdsInAnyCase(Kind kind) {
        try (GraphStore store = storeWithStatements(kind); GraphStore reader = store.reading()) {
            assertThat(reader.vex().all("ghsa-35jh-r3h4-6jhm")).hasSize(1)
                    .extracting(StatementRow::packagePurl).containsExactly("pkg:npm/lodash@4.17.20");
            assertThat(reader.vex().all(" cve-2021-23337 ")).hasSize(2);
            assertThat(reader.vex().all("CVE-1999-0001")).isEmpty();
        }
    }

    private GraphStore storeWithStatements(Kind kind) {
        GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp));
        store.store(vex("lodash.vex", List.of(
                statement("CVE-2021-23337", List.of("ghsa-35jh-r3h4-6jhm"), "pkg:npm/lodash@4.17.20", Status.AFFECTED),
                statement("CVE-2021-23337", List.of(), "pkg:npm/lodash", Status.NOT_AFFECTED))));
        store.store(vex("react.vex", List.of(
                statement("CVE-2023-0001", List.of(), "pkg:npm/react@18.2.0", Status.UNDER_INVESTIGATION))));
        return store;
    }
}
