package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.sbomOf;
import static io.supplygraph.store.TestStores.versionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestDocuments;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.GraphSql.EdgeRow;
import io.supplygraph.store.sql.GraphSql.OccurrenceRow;
import io.supplygraph.store.sql.SourceSql.SourceOfRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The graph's edges as one document states them: app depends on lib and log, lib on util. */
class GraphSqlTest {

    private static final String APP = "pkg:npm/app@1.0.0";
    private static final String LIB = "pkg:npm/lib@2.0.0";
    private static final String LOG = "pkg:npm/log@3.0.0";
    private static final String UTIL = "pkg:npm/util@4.0.0";
    private static final String UTIL_DIGEST = "sha256:" + "ab".repeat(32);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsWhatADocumentContainsWithEachPackagesParentAndDepth(Kind kind) {
        try (GraphStore store = storeWithApp(kind)) {
            try (GraphStore reader = store.reading()) {
                Map<String, Long> ids = ids(reader);
                long document = reader.documents().all().get(0).id();

                assertThat(reader.graph().containedIn(List.of(document)))
                        .extracting(ContainsRow::version, ContainsRow::parent, ContainsRow::depth)
                        .containsExactlyInAnyOrder(tuple(ids.get(APP), null, 0), tuple(ids.get(LIB), ids.get(APP), 1),
                                tuple(ids.get(LOG), ids.get(APP), 1), tuple(ids.get(UTIL), ids.get(LIB), 2));
                assertThat(reader.graph().subjectsOf(List.of(document))).extracting(ContainsRow::version)
                        .containsExactly(ids.get(APP));
                assertThat(reader.graph().containing(List.of(ids.get(UTIL))))
                        .extracting(ContainsRow::document, ContainsRow::depth).containsExactly(tuple(document, 2));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChainRunsFromAPackageUpItsParentsToTheSubject(Kind kind) {
        try (GraphStore store = storeWithApp(kind)) {
            try (GraphStore reader = store.reading()) {
                Map<String, Long> ids = ids(reader);

                assertThat(reader.graph().chainsTo(List.of(ids.get(UTIL))))
                        .extracting(ContainsRow::version, ContainsRow::depth)
                        .containsExactlyInAnyOrder(tuple(ids.get(UTIL), 2), tuple(ids.get(LIB), 1), tuple(ids.get(APP), 0));
                assertThat(reader.graph().chainsTo(List.of(ids.get(LOG), ids.get(LIB))))
                        .extracting(ContainsRow::version)
                        .containsExactlyInAnyOrder(ids.get(LOG), ids.get(LIB), ids.get(APP));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsDependencyEdgesFromEitherEnd(Kind kind) {
        try (GraphStore store = storeWithApp(kind)) {
            try (GraphStore reader = store.reading()) {
                Map<String, Long> ids = ids(reader);

                assertThat(reader.graph().edgesFrom(List.of(ids.get(APP))))
                        .extracting(EdgeRow::to, EdgeRow::kind)
                        .containsExactlyInAnyOrder(tuple(ids.get(LIB), "depends-on"), tuple(ids.get(LOG), "depends-on"));
                assertThat(reader.graph().edgesTo(List.of(ids.get(UTIL)))).extracting(EdgeRow::from)
                        .containsExactly(ids.get(LIB));
                assertThat(reader.graph().edgesFrom(List.of(ids.get(UTIL)))).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsArtifactsByDigestAndThePackagesTheyAreAnOccurrenceOf(Kind kind) {
        try (GraphStore store = storeWithApp(kind)) {
            try (GraphStore reader = store.reading()) {
                Map<String, Long> ids = ids(reader);
                Long artifact = reader.graph().artifact(UTIL_DIGEST);

                assertThat(artifact).isNotNull();
                assertThat(reader.graph().artifact("sha256:" + "cd".repeat(32))).isNull();
                assertThat(reader.graph().occurrencesOf(List.of(ids.get(UTIL))))
                        .extracting(OccurrenceRow::artifact, OccurrenceRow::digest)
                        .containsExactly(tuple(artifact, UTIL_DIGEST));
                assertThat(reader.graph().occurrencesWith(List.of(artifact))).extracting(OccurrenceRow::version)
                        .containsExactly(ids.get(UTIL));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsTheSourceRepositoriesADocumentGivesItsPackages(Kind kind) {
        try (GraphStore store = storeWithApp(kind)) {
            try (GraphStore reader = store.reading()) {
                Map<String, Long> ids = ids(reader);

                assertThat(reader.sources().sourcesOf(List.of(ids.get(LIB), ids.get(LOG))))
                        .extracting(SourceOfRow::version, SourceOfRow::url, SourceOfRow::revision)
                        .containsExactly(tuple(ids.get(LIB), "https://github.com/acme/lib", "v2.0.0"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsTheSourceRepositoriesThatHaveAScorecardOnlyWhenAsked(Kind kind) {
        try (GraphStore store = storeWithApp(kind)) {
            try (GraphStore reader = store.reading()) {
                assertThat(reader.sources().scoredSourcesOf(List.of(ids(reader).get(LIB)))).isEmpty();
            }
            store.store(TestDocuments.scorecard("lib.scorecard", "https://github.com/acme/lib", null, 4.0, List.of()));
            try (GraphStore reader = store.reading()) {
                assertThat(reader.sources().scoredSourcesOf(List.of(ids(reader).get(LIB), ids(reader).get(LOG))))
                        .extracting(SourceOfRow::version, SourceOfRow::url)
                        .containsExactly(tuple(ids(reader).get(LIB), "https://github.com/acme/lib"));
            }
        }
    }

    private GraphStore storeWithApp(Kind kind) {
        GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp));
        store.store(sbomOf("app", APP).dependsOn(APP, LIB).dependsOn(APP, LOG).dependsOn(LIB, UTIL)
                .artifact(UTIL, UTIL_DIGEST).source(LIB, "https://github.com/acme/lib", "v2.0.0").record());
        return store;
    }

    private static Map<String, Long> ids(GraphStore reader) {
        return Map.of(APP, versionId(reader, APP), LIB, versionId(reader, LIB), LOG, versionId(reader, LOG), UTIL,
                versionId(reader, UTIL));
    }
}
