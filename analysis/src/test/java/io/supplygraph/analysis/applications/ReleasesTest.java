package io.supplygraph.analysis.applications;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.vulns.Sboms;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestOptions;
import io.supplygraph.ingest.ReleaseNaming;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Applications and releases: regenerated SBOMs of one release count once, {@code --latest} keeps each application's
 * newest release in its ecosystem's order, {@code --app} names an application across subjects, and {@code --replace}
 * supersedes a producer's older document of a release while keeping it listed.
 */
class ReleasesTest {

    private static final String MINIMIST = "pkg:npm/minimist@1.2.5";
    private static final String ADVISORY = """
            "package":{"ecosystem":"npm","name":"minimist"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},\
            {"fixed":"1.2.6"}]}]""";

    @TempDir
    Path tmp;

    /** A CycloneDX SBOM written by {@code tool}; a new serial number each time, as a regenerated SBOM has. */
    private Path sbom(String subject, String tool, String... components) throws IOException {
        String list = Stream.of(components)
                .map(p -> "{\"type\":\"library\",\"bom-ref\":\"" + p + "\",\"name\":\"x\",\"purl\":\"" + p + "\"}")
                .collect(Collectors.joining(","));
        String serial = UUID.randomUUID().toString();
        Path path = tmp.resolve("sbom-" + serial + ".cdx.json");
        Files.writeString(path, """
                {"bomFormat":"CycloneDX","specVersion":"1.5","serialNumber":"urn:uuid:%s","version":1,
                 "metadata":{"tools":{"components":[{"type":"application","name":"%s","version":"1.%d"}]},
                   "component":{"type":"application","bom-ref":"subject","name":"app","purl":"%s"}},
                 "components":[%s]}
                """.formatted(serial, tool, serial.hashCode() & 0xff, subject, list));
        return path;
    }

    private static void ingest(Supplygraph graph, Path file, ReleaseNaming naming) {
        IngestOptions options = IngestOptions.defaults().withNaming(naming);
        assertThat(graph.ingest(List.of(file.toString()), InputStream.nullInputStream(), new IngestListener() {},
                options).rejected()).isZero();
    }

    private static void ingest(Supplygraph graph, Path file) {
        ingest(graph, file, ReleaseNaming.FROM_SUBJECTS);
    }

    private static Map<String, Application> byRelease(List<Application> rows) {
        return rows.stream().collect(Collectors.toMap(a -> a.application() + "@" + a.release(), Function.identity()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void regeneratedSbomsOfOneReleaseAreOneRowListingTheirDocuments(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            for (int copy = 0; copy < 3; copy++) {
                ingest(graph, sbom("pkg:npm/juice-shop@14.1.1", "syft", MINIMIST));
            }
            ingest(graph, sbom("pkg:npm/juice-shop@15.0.0", "syft", MINIMIST));
            ingest(graph, sbom("pkg:npm/protonmail-web@1.0.0", "syft", MINIMIST));

            List<Application> rows = graph.dependents(MINIMIST);
            assertThat(rows).hasSize(3);
            Map<String, Application> releases = byRelease(rows);
            assertThat(releases.keySet()).containsExactlyInAnyOrder("pkg:npm/juice-shop@14.1.1",
                    "pkg:npm/juice-shop@15.0.0", "pkg:npm/protonmail-web@1.0.0");
            Application regenerated = releases.get("pkg:npm/juice-shop@14.1.1");
            assertThat(regenerated.documents()).hasSize(3).doesNotHaveDuplicates().contains(regenerated.document());
            assertThat(regenerated.path()).containsExactly("pkg:npm/juice-shop@14.1.1", MINIMIST);

            assertThat(graph.dependents(MINIMIST, true)).extracting(a -> a.application() + "@" + a.release())
                    .containsExactlyInAnyOrder("pkg:npm/juice-shop@15.0.0", "pkg:npm/protonmail-web@1.0.0");
            assertThat(graph.drift("pkg:npm/minimist").versions().get(0).applications())
                    .as("drift counts releases too").isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void latestIsTheNewestInTheEcosystemsOrderAndDropsAnApplicationThatNoLongerContainsThePackage(Kind kind)
            throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, sbom("pkg:npm/shop@1.10.0", "syft", MINIMIST));
            ingest(graph, sbom("pkg:npm/shop@1.9.0", "syft", MINIMIST)); // ingested last, yet older
            assertThat(graph.dependents(MINIMIST, true)).extracting(Application::release)
                    .as("1.10.0 is newer than 1.9.0 in npm's order, whatever the text or ingest order say")
                    .containsExactly("1.10.0");

            ingest(graph, sbom("pkg:npm/shop@2.0.0", "syft", "pkg:npm/left-pad@1.3.0"));
            assertThat(graph.dependents(MINIMIST, true)).as("shop's newest release no longer has minimist").isEmpty();
            assertThat(graph.dependents(MINIMIST)).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNameGivenAtIngestMakesOneApplicationOfSeveralSubjectsAndItsReleasesOrderByIngest(Kind kind)
            throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, sbom("pkg:generic/frontend@7", "syft", MINIMIST), new ReleaseNaming("shop", "2024.1", false));
            ingest(graph, sbom("pkg:generic/backend@3", "syft", MINIMIST), new ReleaseNaming("shop", "2024.1", false));
            List<Application> rows = graph.dependents(MINIMIST);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).application()).isEqualTo("shop");
            assertThat(rows.get(0).release()).isEqualTo("2024.1");
            assertThat(rows.get(0).documents()).hasSize(2);

            ingest(graph, sbom("pkg:generic/frontend@8", "syft", MINIMIST), new ReleaseNaming("shop", "2023.9", false));
            assertThat(graph.dependents(MINIMIST, true)).extracting(Application::release)
                    .as("a name has no ecosystem: the release ingested last is the newest").containsExactly("2023.9");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void replaceSupersedesTheSameProducersOlderDocumentOfTheReleaseAndKeepsItListed(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.osv(tmp.resolve("osv"), "GHSA-vh95-rmgr-6w4m", "2024-01-01T00:00:00Z", "", "{"
                    + ADVISORY + "}"));
            ReleaseNaming replace = new ReleaseNaming(null, null, true);
            ingest(graph, sbom("pkg:npm/api@1.0.0", "syft", MINIMIST), replace);
            String old = onlyDocumentOf(graph, "pkg:npm/api");
            ingest(graph, sbom("pkg:npm/api@1.0.0", "trivy", MINIMIST), replace);
            assertThat(graph.dependents(MINIMIST).get(0).documents()).as("another producer replaces nothing")
                    .hasSize(2);

            ingest(graph, sbom("pkg:npm/api@1.0.0", "syft", "pkg:npm/left-pad@1.3.0"), replace);
            Document superseded = graph.documents().stream().filter(d -> d.digest().equals(old)).findFirst()
                    .orElseThrow();
            assertThat(superseded.supersededBy()).as("kept, and says what replaced it").isNotNull();
            assertThat(superseded.producer()).isEqualTo("syft");
            assertThat(graph.dependents(MINIMIST).get(0).documents()).as("answers leave the superseded one out")
                    .hasSize(1).doesNotContain(old);

            ApplicationReleases api = graph.applications(false).stream()
                    .filter(a -> a.application().equals("pkg:npm/api")).findFirst().orElseThrow();
            assertThat(api.releases()).hasSize(1);
            assertThat(api.releases().get(0).superseded()).containsExactly(old);
            assertThat(api.releases().get(0).documents()).hasSize(2);
            assertThat(api.findings().critical() + api.findings().high() + api.findings().medium()
                    + api.findings().low() + api.findings().unrated())
                    .as("minimist@1.2.5 is still in trivy's document: one finding, counted once").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void applicationsListReleasesNewestFirstWithFindingsCountedOncePerRelease(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.osv(tmp.resolve("osv"), "GHSA-vh95-rmgr-6w4m", "2024-01-01T00:00:00Z",
                    "\"database_specific\":{\"severity\":\"CRITICAL\"},", "{" + ADVISORY + "}"));
            for (int copy = 0; copy < 4; copy++) {
                ingest(graph, sbom("pkg:npm/juice-shop@14.1.1", "syft", MINIMIST));
            }
            ingest(graph, sbom("pkg:npm/juice-shop@9.0.0", "syft", MINIMIST));
            ingest(graph, sbom("pkg:npm/juice-shop@15.0.0", "syft", "pkg:npm/minimist@1.2.8"));

            ApplicationReleases shop = graph.applications(false).get(0);
            assertThat(shop.application()).isEqualTo("pkg:npm/juice-shop");
            assertThat(shop.latest()).isEqualTo("15.0.0");
            assertThat(shop.releases()).extracting(ApplicationReleases.Release::release)
                    .containsExactly("15.0.0", "14.1.1", "9.0.0");
            assertThat(shop.documents()).isEqualTo(6);
            assertThat(shop.findings().critical()).as("the newest release has the fix").isZero();
            ApplicationReleases.Release regenerated = shop.releases().get(1);
            assertThat(regenerated.documents()).hasSize(4);
            assertThat(regenerated.findings().critical()).as("four copies, one finding").isEqualTo(1);

            assertThat(graph.applications(true).get(0).releases()).extracting(ApplicationReleases.Release::release)
                    .containsExactly("15.0.0");
            assertThat(graph.vuln("GHSA-vh95-rmgr-6w4m").applications()).extracting(Application::release)
                    .containsExactlyInAnyOrder("14.1.1", "9.0.0");
            assertThat(graph.vuln("GHSA-vh95-rmgr-6w4m", true).applications()).isEmpty();
        }
    }

    private static String onlyDocumentOf(Supplygraph graph, String application) {
        List<Document> documents = graph.documents().stream().filter(d -> application.equals(d.application()))
                .toList();
        assertThat(documents).hasSize(1);
        return documents.get(0).digest();
    }
}
