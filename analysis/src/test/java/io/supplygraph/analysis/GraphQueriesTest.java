package io.supplygraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.Dependency;
import io.supplygraph.analysis.view.DriftReport;
import io.supplygraph.analysis.view.Hop;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graph questions on a generated portfolio whose answers follow from its construction, on SQLite and on
 * PostgreSQL alike.
 *
 * <p>Twenty applications {@code app-i}: app-i depends on framework@F(i), which depends on util@1.0.0, which
 * depends on target@T(i) when i % 4 != 0. Two container images each list a jar by digest only (no relationships),
 * and each jar's own SBOM describes that digest and depends on target@1.10.0. util@1.0.0 depends on a different
 * target version in different applications, as resolved versions do in real portfolios.
 */
class GraphQueriesTest {

    static final int APPS = 20;
    static final String TARGET = "pkg:npm/target";
    static final String UTIL = "pkg:npm/util@1.0.0";

    @TempDir
    Path tmp;

    static String app(int i) {
        return "pkg:generic/acme/app-" + i + "@1.0.0";
    }

    static String framework(int i) {
        return "pkg:npm/framework@" + List.of("1.0.0", "1.1.0", "2.0.0").get(i % 3);
    }

    static boolean containsTarget(int i) {
        return i % 4 != 0;
    }

    /** 1.9.0 for odd apps, 1.10.0 for even ones: only the ecosystem's version order says which is newer. */
    static String targetVersion(int i) {
        return i % 2 == 1 ? "1.9.0" : "1.10.0";
    }

    static String image(int k) {
        return "pkg:oci/image-" + k + "@sha256%3A" + "0".repeat(63) + k;
    }

    static String jarDigest(int k) {
        return "ab".repeat(31) + "0" + k;
    }

    private Supplygraph graphWithPortfolio(Kind kind) {
        Portfolio p = new Portfolio(tmp.resolve("sboms"));
        for (int i = 0; i < APPS; i++) {
            var bom = p.bom("app-" + i + ".cdx.json", app(i)).depends(app(i), framework(i)).depends(framework(i), UTIL);
            if (containsTarget(i)) {
                bom.depends(UTIL, TARGET + "@" + targetVersion(i));
            }
            bom.write();
        }
        for (int k = 1; k <= 2; k++) {
            p.bom("image-" + k + ".cdx.json", image(k))
                    .component("pkg:maven/acme/jar-" + k + "@1", jarDigest(k))
                    .component("pkg:deb/debian/libc6@2.36")
                    .write();
            p.bom("jar-" + k + ".cdx.json", "pkg:maven/acme/jar-" + k + "@1?type=jar")
                    .subjectDigest(jarDigest(k))
                    .depends("pkg:maven/acme/jar-" + k + "@1?type=jar", TARGET + "@1.10.0")
                    .write();
        }
        Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp));
        IngestSummary summary = graph.ingest(List.of(p.folder().toString()), InputStream.nullInputStream(),
                new IngestListener() {});
        assertThat(summary.rejected()).isZero();
        assertThat(summary.stored()).isEqualTo(APPS + 4);
        return graph;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blastRadiusListsEveryApplicationWithAShortestPath(Kind kind) {
        try (Supplygraph graph = graphWithPortfolio(kind)) {
            Map<String, Application> bySubject = graph.dependents(TARGET).stream()
                    .collect(Collectors.toMap(Application::subject, a -> a));

            Map<String, List<String>> expected = new HashMap<>();
            for (int i = 0; i < APPS; i++) {
                if (containsTarget(i)) {
                    expected.put(app(i), List.of(app(i), framework(i), UTIL, TARGET + "@" + targetVersion(i)));
                }
            }
            for (int k = 1; k <= 2; k++) {
                String jar = "pkg:maven/acme/jar-" + k + "@1";
                expected.put(jar + "?type=jar", List.of(jar + "?type=jar", TARGET + "@1.10.0"));
                expected.put(image(k), List.of(image(k), jar, jar + "?type=jar", TARGET + "@1.10.0"));
            }
            assertThat(bySubject.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((subject, path) -> assertThat(bySubject.get(subject).path()).as(subject).isEqualTo(path));
            for (int i = 1; i < APPS; i += 4) {
                assertThat(bySubject.get(app(i)).version()).isEqualTo(targetVersion(i));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blastRadiusOfOneVersionLeavesOutTheOthers(Kind kind) {
        try (Supplygraph graph = graphWithPortfolio(kind)) {
            List<String> subjects = graph.dependents(TARGET + "@1.9.0").stream().map(Application::subject).toList();

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < APPS; i++) {
                if (containsTarget(i) && targetVersion(i).equals("1.9.0")) {
                    expected.add(app(i));
                }
            }
            assertThat(subjects).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(graph.dependents("pkg:npm/not-there")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void transitiveDepsOfAnApplicationFollowEveryEdgeAndDocumentDigestMeansItsSubject(Kind kind) {
        try (Supplygraph graph = graphWithPortfolio(kind)) {
            List<Dependency> deps = graph.deps(app(1), true);
            assertThat(deps).extracting(Dependency::purl, Dependency::depth)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(framework(1), 1),
                            org.assertj.core.groups.Tuple.tuple(UTIL, 2),
                            org.assertj.core.groups.Tuple.tuple(TARGET + "@1.9.0", 3));
            assertThat(graph.deps(app(1), false)).extracting(Dependency::purl).containsExactly(framework(1));

            String digest = graph.documents().stream().filter(d -> app(1).equals(d.subjectPurl())).findFirst()
                    .orElseThrow().digest();
            assertThat(graph.deps(digest, true)).isEqualTo(deps);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void depsCrossIntoANestedSbomThroughTheArtifactDigest(Kind kind) {
        try (Supplygraph graph = graphWithPortfolio(kind)) {
            assertThat(graph.deps(image(1), true)).extracting(Dependency::purl).containsExactlyInAnyOrder(
                    "pkg:maven/acme/jar-1@1", "pkg:deb/debian/libc6@2.36", TARGET + "@1.10.0");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pathFromADependencyToItsApplicationGivesEachEdgeKind(Kind kind) {
        try (Supplygraph graph = graphWithPortfolio(kind)) {
            List<Hop> hops = graph.path(TARGET + "@1.9.0", app(1));
            assertThat(hops).extracting(Hop::from, Hop::to, Hop::edge).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(UTIL, TARGET + "@1.9.0", "depends-on"),
                    org.assertj.core.groups.Tuple.tuple(framework(1), UTIL, "depends-on"),
                    org.assertj.core.groups.Tuple.tuple(app(1), framework(1), "depends-on"));

            List<Hop> nested = graph.path(image(2), TARGET + "@1.10.0");
            assertThat(nested).extracting(Hop::edge)
                    .containsExactly("listed", "has-artifact", "artifact-of", "depends-on");

            assertThat(graph.path(app(0), app(4))).isNotEmpty()
                    .anySatisfy(h -> assertThat(h.from()).isEqualTo(framework(0)));
            assertThat(graph.path("pkg:deb/debian/libc6@2.36", TARGET + "@1.10.0")).extracting(Hop::from)
                    .as("no dependency path exists, so direction is ignored and the path crosses the image")
                    .contains(image(1));

            Portfolio island = new Portfolio(tmp.resolve("island"));
            island.bom("island.cdx.json", "pkg:generic/island@1").depends("pkg:generic/island@1", "pkg:npm/alone@1")
                    .write();
            graph.ingest(List.of(island.folder().toString()), InputStream.nullInputStream(), new IngestListener() {});
            assertThat(graph.path(TARGET + "@1.9.0", "pkg:npm/alone@1")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void driftOrdersVersionsTheEcosystemsWayAndNamesApplicationsBehind(Kind kind) {
        try (Supplygraph graph = graphWithPortfolio(kind)) {
            DriftReport drift = graph.drift(TARGET);

            assertThat(drift.newest()).isEqualTo("1.10.0");
            assertThat(drift.versions()).extracting(DriftReport.VersionUse::version).containsExactly("1.10.0", "1.9.0");
            long behind = java.util.stream.IntStream.range(0, APPS)
                    .filter(i -> containsTarget(i) && targetVersion(i).equals("1.9.0")).count();
            assertThat(drift.behind()).hasSize((int) behind)
                    .allSatisfy(b -> assertThat(b.version()).isEqualTo("1.9.0"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reingestIsANoOpAndDeleteRemovesOnlyThatDocumentsFacts(Kind kind) {
        try (Supplygraph graph = graphWithPortfolio(kind)) {
            var before = graph.stats();
            IngestSummary again = graph.ingest(List.of(tmp.resolve("sboms").toString()), InputStream.nullInputStream(),
                    new IngestListener() {});
            assertThat(again.stored()).isZero();
            assertThat(again.alreadyStored()).isEqualTo(APPS + 4);
            assertThat(graph.stats()).isEqualTo(before);

            String app1 = graph.documents().stream().filter(d -> app(1).equals(d.subjectPurl())).findFirst()
                    .orElseThrow().digest();
            graph.deleteDocument(app1);

            assertThat(graph.dependents(TARGET).stream().map(Application::subject)).doesNotContain(app(1))
                    .contains(app(3));
            assertThat(graph.packages("framework")).filteredOn(p -> p.purl().equals(framework(1)))
                    .singleElement().satisfies(p -> assertThat(p.documents()).isEqualTo(
                            (int) java.util.stream.IntStream.range(0, APPS)
                                    .filter(i -> i != 1 && framework(i).equals(framework(1))).count()));
            assertThat(graph.stats().documents()).isEqualTo(before.documents() - 1);
            assertThatThrownBy(() -> graph.deleteDocument(app1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badDocumentsAreRejectedByNameAndTheBatchGoesOn(Kind kind) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("mixed"));
        new Portfolio(folder).bom("a-good.cdx.json", "pkg:generic/good@1").depends("pkg:generic/good@1",
                "pkg:npm/x@1").write();
        Files.writeString(folder.resolve("b-broken.cdx.json"), "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\","
                + "\"components\":[{\"name\":\"x\",");
        Files.writeString(folder.resolve("c-notes.txt"), "just some notes");
        new Portfolio(folder).bom("d-good.cdx.json", "pkg:generic/other@1").depends("pkg:generic/other@1",
                "pkg:npm/x@1").write();
        Map<String, String> rejected = new HashMap<>();
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            IngestSummary summary = graph.ingest(List.of(folder.toString()), InputStream.nullInputStream(),
                    new IngestListener() {
                        @Override
                        public void rejected(String source, String reason) {
                            rejected.put(Path.of(source).getFileName().toString(), reason);
                        }
                    });
            assertThat(summary.stored()).isEqualTo(2);
            assertThat(rejected.keySet()).containsExactlyInAnyOrder("b-broken.cdx.json", "c-notes.txt");
            assertThat(rejected.get("c-notes.txt")).contains("not a supported document");
            assertThat(graph.dependents("pkg:npm/x@1")).hasSize(2);
            assertThat(graph.stats().documents()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cyclesIngestAndQueriesTerminate(Kind kind) {
        Portfolio p = new Portfolio(tmp.resolve("cycle"));
        p.bom("cycle.cdx.json", "pkg:generic/loop@1")
                .depends("pkg:generic/loop@1", "pkg:npm/a@1")
                .depends("pkg:npm/a@1", "pkg:npm/b@1")
                .depends("pkg:npm/b@1", "pkg:npm/a@1", "pkg:npm/b@1", "pkg:generic/loop@1")
                .write();
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            graph.ingest(List.of(p.folder().toString()), InputStream.nullInputStream(), new IngestListener() {});
            assertThat(graph.deps("pkg:generic/loop@1", true)).extracting(Dependency::purl)
                    .containsExactly("pkg:npm/a@1", "pkg:npm/b@1");
            assertThat(graph.dependents("pkg:npm/b@1")).singleElement()
                    .satisfies(a -> assertThat(a.path()).containsExactly("pkg:generic/loop@1", "pkg:npm/a@1",
                            "pkg:npm/b@1"));
        }
    }
}
