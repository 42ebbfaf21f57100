package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.sbom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.PackageSql.UsageRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PackageSqlTest {

    private static final String JAR = "pkg:maven/org.acme/widget@1.0";
    private static final String POM = "pkg:maven/org.acme/widget@1.0?type=pom";
    private static final String NEWER = "pkg:maven/org.acme/widget@2.0";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aVersionMatchesUnderAnyQualifiersUnlessTheQueryGivesSome(Kind kind) throws Exception {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:generic/acme/app@1", List.of(JAR, POM, NEWER)));

            try (GraphStore reader = store.reading()) {
                assertThat(reader.packages().matching(purl("pkg:maven/org.acme/widget@1.0")))
                        .extracting(VersionRow::purl).containsExactlyInAnyOrder(JAR, POM);
                assertThat(reader.packages().matching(purl(POM))).extracting(VersionRow::purl).containsExactly(POM);
                assertThat(reader.packages().matching(purl("pkg:maven/org.acme/widget")))
                        .extracting(VersionRow::purl).containsExactlyInAnyOrder(JAR, POM, NEWER);
                assertThat(reader.packages().matching(purl("pkg:maven/org.acme/widget@3.0"))).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsVersionsByTheirBareNameAndById(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:generic/acme/app@1", List.of(JAR, NEWER, "pkg:npm/widget@1.0.0")));

            try (GraphStore reader = store.reading()) {
                List<VersionRow> named = reader.packages().named("widget");
                assertThat(named).extracting(VersionRow::purl)
                        .containsExactlyInAnyOrder(JAR, NEWER, "pkg:npm/widget@1.0.0");
                VersionRow jar = named.stream().filter(v -> v.purl().equals(JAR)).findFirst().orElseThrow();
                assertThat(jar.base()).isEqualTo("pkg:maven/org.acme/widget");
                assertThat(jar.version()).isEqualTo("1.0");
                assertThat(jar.synthetic()).isFalse();
                assertThat(reader.packages().byIds(List.of(jar.id()))).containsOnlyKeys(jar.id())
                        .containsEntry(jar.id(), jar);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void usageCountsTheDocumentsContainingEachVersionWhateverTheCaseOfTheName(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(sbom("app", "pkg:generic/acme/app@1", List.of("pkg:npm/lodash@4.17.21")));
            store.store(sbom("web", "pkg:generic/acme/web@1", List.of("pkg:npm/lodash@4.17.21", "pkg:npm/lodash@4.17.20")));

            try (GraphStore reader = store.reading()) {
                assertThat(reader.packages().usage("LODASH")).extracting(UsageRow::purl, UsageRow::documents)
                        .containsExactly(tuple("pkg:npm/lodash@4.17.20", 1),
                                tuple("pkg:npm/lodash@4.17.21", 2));
                assertThat(reader.packages().usage("")).hasSize(4);
            }
        }
    }

    private static PackageIdentity purl(String purl) throws InvalidPurlException {
        return PackageIdentity.fromPurl(purl);
    }
}
