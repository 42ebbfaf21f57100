package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.digestOf;
import static io.supplygraph.store.TestDocuments.sbom;
import static io.supplygraph.store.TestDocuments.sbomOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestDocuments;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentSqlTest {

    private static final String LODASH = "pkg:npm/lodash@4.17.21";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void listsEveryDocumentInTheOrderStoredWithItsSubject(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:npm/app@1.0.0", List.of(LODASH)));
            store.store(sbom("web", "pkg:npm/web@2.0.0", List.of(LODASH, "pkg:npm/react@18.2.0")));

            try (GraphStore reader = store.reading()) {
                List<DocumentRow> all = reader.documents().all();
                assertThat(all).extracting(DocumentRow::name).containsExactly("app", "web");
                assertThat(all).extracting(DocumentRow::digest).containsExactly(digestOf("app"), digestOf("web"));
                assertThat(all).extracting(DocumentRow::subjectPurl)
                        .containsExactly("pkg:npm/app@1.0.0", "pkg:npm/web@2.0.0");
                assertThat(all).extracting(DocumentRow::subjectName, DocumentRow::subjectVersion)
                        .first().isEqualTo(tuple("app", "1.0.0"));
                assertThat(all).extracting(DocumentRow::componentCount).containsExactly(1, 2);
                assertThat(all).extracting(DocumentRow::format).containsOnly("cyclonedx-json");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsADocumentByAnyStartOfItsDigestWithOrWithoutTheAlgorithm(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:npm/app@1.0.0", List.of(LODASH)));
            store.store(sbom("web", "pkg:npm/web@2.0.0", List.of(LODASH)));
            String digest = digestOf("app");
            String hex = digest.substring("sha256:".length());

            try (GraphStore reader = store.reading()) {
                assertThat(reader.documents().byDigestPrefix(digest)).extracting(DocumentRow::name).containsExactly("app");
                assertThat(reader.documents().byDigestPrefix(hex.substring(0, 8))).extracting(DocumentRow::name)
                        .containsExactly("app");
                assertThat(reader.documents().byDigestPrefix("sha256:" + hex.substring(0, 8)))
                        .extracting(DocumentRow::name).containsExactly("app");
                assertThat(reader.documents().byDigestPrefix("sha512:" + hex.substring(0, 8))).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsOnlyTheDocumentsAskedForById(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            for (String name : List.of("a", "b", "c")) {
                store.store(sbom(name, "pkg:npm/" + name + "@1.0.0", List.of(LODASH)));
            }
            try (GraphStore reader = store.reading()) {
                List<DocumentRow> all = reader.documents().all();
                long a = all.get(0).id();
                long c = all.get(2).id();

                assertThat(reader.documents().byIds(List.of(a, c)).values()).extracting(DocumentRow::name)
                        .containsExactlyInAnyOrder("a", "c");
                assertThat(reader.documents().digests(List.of(c))).containsExactly(Map.entry(c, digestOf("c")));
                assertThat(reader.documents().byIds(List.of())).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keepsWarningsInTheOrderTheDocumentGaveThem(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbomOf("app", "pkg:npm/app@1.0.0").dependsOn("pkg:npm/app@1.0.0", LODASH)
                    .warning("component 3 has no purl").warning("relationship 7 names an unknown element").record());

            try (GraphStore reader = store.reading()) {
                DocumentRow app = reader.documents().all().get(0);
                assertThat(app.warningCount()).isEqualTo(2);
                assertThat(reader.documents().warnings(app.id()))
                        .containsExactly("component 3 has no purl", "relationship 7 names an unknown element");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deletingADocumentKeepsWhatOtherDocumentsAsserted(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:npm/app@1.0.0", List.of(LODASH)));
            store.store(sbom("web", "pkg:npm/web@2.0.0", List.of(LODASH)));

            store.documents().delete(store.documents().byDigestPrefix(digestOf("app")).get(0).id());

            try (GraphStore reader = store.reading()) {
                assertThat(reader.documents().all()).extracting(DocumentRow::name).containsExactly("web");
                assertThat(reader.packages().usage("lodash")).singleElement()
                        .satisfies(row -> assertThat(row.documents()).isEqualTo(1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void advisoriesArePagedApartFromTheDocumentsPeopleIngested(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:npm/app@1.0.0", List.of(LODASH)));
            store.store(TestDocuments.advisory("GHSA-aaaa-bbbb-cccc", List.of(), "2026-01-01T00:00:00Z",
                    "npm lodash", "0", "4.17.19"));
            store.store(TestDocuments.advisory("PYSEC-2026-1", List.of(), "2026-01-02T00:00:00Z", "PyPI django",
                    "0", "4.2"));
            store.store(TestDocuments.advisory("GHSA-dddd-eeee-ffff", List.of(), "2026-01-03T00:00:00Z",
                    "npm react", "0", "1.0"));

            try (GraphStore reader = store.reading()) {
                assertThat(reader.documents().ingested()).extracting(DocumentRow::name).containsExactly("app");
                assertThat(reader.documents().advisories("", 2, 0)).extracting(DocumentRow::format)
                        .containsOnly("osv").hasSize(2);
                assertThat(reader.documents().countAdvisories("")).isEqualTo(3);
                List<DocumentRow> ghsa = reader.documents().advisories("ghsa", 10, 0);
                assertThat(ghsa).as("newest first").extracting(DocumentRow::digest).containsExactly(
                        digestOf("GHSA-dddd-eeee-ffff@2026-01-03T00:00:00Z"),
                        digestOf("GHSA-aaaa-bbbb-cccc@2026-01-01T00:00:00Z"));
                assertThat(reader.documents().advisories("ghsa", 10, 1)).hasSize(1);
                assertThat(reader.documents().countAdvisories("ghsa")).isEqualTo(2);
                assertThat(reader.documents().countAdvisories("%")).as("LIKE wildcards are text").isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDigestPrefixDeletesOnlyWhenItNamesOneDocument(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:npm/app@1.0.0", List.of(LODASH)));
            store.store(sbom("web", "pkg:npm/web@2.0.0", List.of(LODASH)));

            assertThat(store.documents().deleteByDigestPrefix("sha256:")).as("both named, neither deleted").hasSize(2);
            assertThat(store.documents().deleteByDigestPrefix("sha256:0000000000000000000000000000")).isEmpty();
            assertThat(store.documents().all()).hasSize(2);
            String app = digestOf("app");
            assertThat(store.documents().deleteByDigestPrefix(app.substring(0, 20))).extracting(DocumentRow::digest)
                    .containsExactly(app);
            assertThat(store.documents().all()).extracting(DocumentRow::name).containsExactly("web");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReadingStoreRefusesToDeleteADocument(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:npm/app@1.0.0", List.of(LODASH)));

            try (GraphStore reader = store.reading()) {
                long id = reader.documents().all().get(0).id();
                assertThatThrownBy(() -> reader.documents().delete(id)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("does not write");
            }
            assertThat(store.documents().all()).hasSize(1);
        }
    }
}
