package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.sbom;
import static io.supplygraph.store.TestDocuments.sbomOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.StatsSql.Stats;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatsSqlTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEmptyGraphCountsNothing(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp)); GraphStore reader = store.reading()) {
            assertThat(reader.stats().stats()).isEqualTo(new Stats(0, 0, 0, 0, 0, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void countsDocumentsPackagesVersionsEdgesArtifactsAndComponents(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbomOf("app", "pkg:npm/app@1.0.0").dependsOn("pkg:npm/app@1.0.0", "pkg:npm/lodash@4.17.21")
                    .dependsOn("pkg:npm/lodash@4.17.21", "pkg:npm/tslib@2.6.0")
                    .artifact("pkg:npm/tslib@2.6.0", "sha256:" + "ab".repeat(32)).record());
            store.store(sbom("web", "pkg:npm/web@1.0.0", List.of("pkg:npm/lodash@4.17.20", "pkg:npm/tslib@2.6.0")));

            try (GraphStore reader = store.reading()) {
                // packages: app, web, lodash, tslib; versions: those plus a second lodash
                assertThat(reader.stats().stats()).isEqualTo(new Stats(2, 4, 5, 4, 1, 4));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whatOnlyADeletedDocumentAssertedNoLongerCounts(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:npm/app@1.0.0", List.of("pkg:npm/lodash@4.17.21")));
            store.store(sbom("web", "pkg:npm/web@1.0.0", List.of("pkg:npm/lodash@4.17.21", "pkg:npm/react@18.2.0")));

            store.documents().delete(store.documents().all().get(1).id());

            try (GraphStore reader = store.reading()) {
                assertThat(reader.stats().stats()).isEqualTo(new Stats(1, 2, 2, 1, 0, 1));
            }
        }
    }
}
