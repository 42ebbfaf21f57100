package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.advisory;
import static io.supplygraph.store.TestDocuments.digestOf;
import static io.supplygraph.store.TestDocuments.sbom;
import static io.supplygraph.store.TestDocuments.sbomOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.ApplicationSql.ApplicationRow;
import io.supplygraph.store.sql.LicenceSql.LicenceRow;
import io.supplygraph.store.sql.OverviewSql.Counts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Applications (the subjects of documents other than advisories), the portfolio's counts, and licences. */
class ApplicationSqlTest {

    private static final String LODASH = "pkg:npm/lodash@4.17.21";
    private static final String REACT = "pkg:npm/react@18.2.0";

    @TempDir
    Path tmp;

    private static void portfolio(GraphStore store) {
        store.store(sbom("app-1", "pkg:npm/shop@1.0.0", List.of(LODASH)));
        store.store(sbom("app-2", "pkg:npm/shop@1.0.0", List.of(LODASH, REACT)));
        store.store(sbom("web", "pkg:npm/web@2.0.0", List.of(REACT)));
        store.store(advisory("GHSA-aaaa-bbbb-cccc", List.of("CVE-2020-8203"), "2026-03-01T00:00:00Z",
                "npm lodash", "0", "4.17.19"));
        store.store(advisory("GHSA-dddd-eeee-ffff", List.of(), "2026-05-01T00:00:00Z", "npm react", "0", "1.0.0"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void applicationsAreTheSubjectsOfDocumentsOtherThanAdvisories(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            portfolio(store);
            try (GraphStore reader = store.reading()) {
                assertThat(reader.packages().byIds(reader.applications().subjects()).values())
                        .extracting(PackageSql.VersionRow::purl)
                        .containsExactlyInAnyOrder("pkg:npm/shop@1.0.0", "pkg:npm/web@2.0.0");
                assertThat(reader.applications().named("SHO", 10)).extracting(ApplicationRow::purl,
                        ApplicationRow::documents).containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "pkg:npm/shop@1.0.0", 2));
                assertThat(reader.applications().named("lodash", 10)).as("a component is no application").isEmpty();
                assertThat(reader.applications().named("_", 10)).as("LIKE wildcards are text").isEmpty();
                assertThat(reader.applications().named("", 1)).hasSize(1);
                List<Long> shop = reader.applications().documents("pkg:npm/shop@1.0.0");
                assertThat(reader.documents().digests(shop).values())
                        .containsExactlyInAnyOrder(digestOf("app-1"), digestOf("app-2"));
                assertThat(shop).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
                assertThat(reader.applications().documents("pkg:npm/lodash@4.17.21")).isEmpty();
                assertThat(reader.search().packagesNamed("O", 10)).as("by name, in any case, each package once")
                        .containsExactly(new SearchSql.PackageHit("pkg:npm/lodash", 1),
                                new SearchSql.PackageHit("pkg:npm/shop", 1));
                assertThat(reader.search().packagesNamed("%", 10)).isEmpty();
                assertThat(reader.search().packagesNamed("", 2)).hasSize(2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOverviewCountsDocumentsApplicationsPackagesAndAdvisories(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            portfolio(store);
            try (GraphStore reader = store.reading()) {
                Counts counts = reader.overview().counts();
                assertThat(counts.documents()).as("advisories apart").isEqualTo(3);
                assertThat(counts.applications()).isEqualTo(2);
                assertThat(counts.packages()).as("shop, web, lodash, react").isEqualTo(4);
                assertThat(counts.advisories()).isEqualTo(2);
                assertThat(counts.advisoriesModified()).isEqualTo("2026-05-01T00:00:00Z");
                assertThat(reader.documents().recent(2)).extracting(DocumentSql.DocumentRow::name)
                        .containsExactly("web", "app-2");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRevisionChangesWithEveryDocumentStoredOrDeletedAndEveryJobFinished(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            String empty = store.overview().revision();
            store.store(sbom("app-1", "pkg:npm/shop@1.0.0", List.of(LODASH)));
            String one = store.overview().revision();
            assertThat(one).isNotEqualTo(empty).isEqualTo(store.overview().revision());
            store.store(sbom("app-1", "pkg:npm/shop@1.0.0", List.of(LODASH)));
            assertThat(store.overview().revision()).as("the same document again changes nothing").isEqualTo(one);
            store.store(sbom("app-2", "pkg:npm/shop@1.0.0", List.of(REACT)));
            String two = store.overview().revision();
            store.documents().delete(store.documents().byDigestPrefix(digestOf("app-2")).get(0).id());
            assertThat(store.overview().revision()).isNotEqualTo(two);
            store.store(sbom("app-3", "pkg:npm/shop@1.0.0", List.of(REACT)));
            assertThat(store.overview().revision()).as("a new document where a deleted newest one was")
                    .isNotEqualTo(two);
            String before = store.overview().revision();
            store.jobs().insert("job-1", "documents", "queued", "upload", "2026-01-01T00:00:00Z");
            store.jobs().update("job-1", "done", "2026-01-01T00:00:01Z", "{}");
            assertThat(store.overview().revision()).isNotEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEmptyGraphCountsNothing(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp)); GraphStore reader = store.reading()) {
            assertThat(reader.overview().counts()).isEqualTo(new Counts(0, 0, 0, 0, 0, null));
            assertThat(reader.applications().subjects()).isEmpty();
            assertThat(reader.documents().recent(10)).isEmpty();
            assertThat(reader.jobs().recentlyFinished(10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void licencesAreReadPerDocument(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbomOf("licensed", "pkg:npm/shop@1.0.0").dependsOn("pkg:npm/shop@1.0.0", LODASH)
                    .dependsOn("pkg:npm/shop@1.0.0", REACT).licence(LODASH, "MIT", null)
                    .licence(REACT, "MIT", "Apache-2.0").record());
            store.store(sbomOf("other", "pkg:npm/web@1.0.0").dependsOn("pkg:npm/web@1.0.0", LODASH)
                    .licence(LODASH, "GPL-3.0-only", null).record());
            try (GraphStore reader = store.reading()) {
                long id = reader.documents().byDigestPrefix(digestOf("licensed")).get(0).id();
                assertThat(reader.licences().ofDocuments(List.of(id))).containsExactly(
                        new LicenceRow(LODASH, "MIT", null), new LicenceRow(REACT, "MIT", "Apache-2.0"));
            }
        }
    }
}
