package io.supplygraph.analysis.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.LicenceClass;
import io.supplygraph.analysis.view.LicenceReport;
import io.supplygraph.analysis.view.LicenceReport.ClassCount;
import io.supplygraph.analysis.view.LicenceReport.Copyleft;
import io.supplygraph.analysis.view.LicenceReport.Reason;
import io.supplygraph.analysis.view.LicenceReport.Unknown;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.model.licence.SpdxLicenceList;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The licence report over two CycloneDX SBOMs written here: the app's lists a chain app > web > gpl-lib, so the
 * GPL component's path goes through web; the tool's shares web (licensed the same) and adds an AGPL component.
 */
class LicenceReportTest {

    private static final String APP = "pkg:generic/acme/app@1.0";
    private static final String TOOL = "pkg:generic/acme/tool@2.0";

    @TempDir
    Path tmp;

    private static String component(String purl, String licences) {
        return "{\"type\":\"library\",\"bom-ref\":\"%s\",\"name\":\"x\",\"purl\":\"%s\"%s}".formatted(purl, purl,
                licences == null ? "" : ",\"licenses\":" + licences);
    }

    private Path sbom(String name, String subject, List<String> components, String dependencies) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"subject","name":"app","purl":"%s"}},
                 "components":[%s],
                 "dependencies":[%s]}
                """.formatted(subject, String.join(",", components), dependencies));
        return file;
    }

    private static void ingest(Supplygraph graph, Path... files) {
        assertThat(graph.ingest(java.util.Arrays.stream(files).map(Path::toString).toList(),
                InputStream.nullInputStream(), new IngestListener() {}).rejected()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void countsClassesUnknownsAndCopyleftPathsPerDocumentApplicationAndPortfolio(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, sbom("app.cdx.json", APP, List.of(
                    component("pkg:npm/web@1", "[{\"license\":{\"id\":\"mit\"}}]"),
                    component("pkg:npm/gpl-lib@1", "[{\"expression\":\"GPL-2.0-only\"}]"),
                    component("pkg:npm/choice@1", "[{\"expression\":\"MIT OR GPL-3.0-only\"}]"),
                    component("pkg:npm/java@1", "[{\"expression\":\"GPL-2.0-only WITH Classpath-exception-2.0\"}]"),
                    component("pkg:npm/named@1", "[{\"license\":{\"name\":\"Apache License, Version 2.0\"}}]"),
                    component("pkg:npm/bare@1", null)),
                    """
                    {"ref":"subject","dependsOn":["pkg:npm/web@1","pkg:npm/choice@1","pkg:npm/java@1",
                      "pkg:npm/named@1","pkg:npm/bare@1"]},
                    {"ref":"pkg:npm/web@1","dependsOn":["pkg:npm/gpl-lib@1"]}
                    """),
                    sbom("tool.cdx.json", TOOL, List.of(
                            component("pkg:npm/web@1", "[{\"license\":{\"id\":\"MIT\"}}]"),
                            component("pkg:npm/server@3", "[{\"expression\":\"AGPL-3.0-or-later\"}]")),
                            "{\"ref\":\"subject\",\"dependsOn\":[\"pkg:npm/web@1\",\"pkg:npm/server@3\"]}"));
            String app = graph.documents().stream().filter(d -> APP.equals(d.subject())).findFirst().orElseThrow()
                    .digest();

            LicenceReport document = graph.licenceReportOfDocument(app.substring(0, 20));
            assertThat(document.scope()).isEqualTo("document");
            assertThat(document.target()).isEqualTo(app);
            assertThat(document.licenceList()).isEqualTo(SpdxLicenceList.get().version());
            assertThat(document.components()).isEqualTo(6);
            assertThat(document.classes()).containsExactly(new ClassCount(LicenceClass.PERMISSIVE, 2),
                    new ClassCount(LicenceClass.WEAK_COPYLEFT, 1), new ClassCount(LicenceClass.STRONG_COPYLEFT, 1),
                    new ClassCount(LicenceClass.PROPRIETARY_OR_UNKNOWN, 2));
            assertThat(document.licences()).extracting(LicenceReport.LicenceCount::licence)
                    .as("normalised to the list's spelling; 'mit' is MIT").contains("MIT", "MIT OR GPL-3.0-only")
                    .doesNotContain("mit");
            assertThat(document.unknown()).extracting(Unknown::purl, Unknown::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("pkg:npm/bare@1", Reason.NOT_STATED),
                    org.assertj.core.groups.Tuple.tuple("pkg:npm/named@1", Reason.NOT_AN_EXPRESSION));
            assertThat(document.copyleft()).extracting(Copyleft::purl, Copyleft::licenceClass, Copyleft::path)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("pkg:npm/gpl-lib@1", LicenceClass.STRONG_COPYLEFT,
                                    List.of(APP, "pkg:npm/web@1", "pkg:npm/gpl-lib@1")),
                            org.assertj.core.groups.Tuple.tuple("pkg:npm/java@1", LicenceClass.WEAK_COPYLEFT,
                                    List.of(APP, "pkg:npm/java@1")));

            LicenceReport tool = graph.licenceReportOfApplication(TOOL);
            assertThat(tool.components()).isEqualTo(2);
            assertThat(tool.copyleft()).singleElement().satisfies(c -> {
                assertThat(c.licenceClass()).isEqualTo(LicenceClass.NETWORK_COPYLEFT);
                assertThat(c.path()).containsExactly(TOOL, "pkg:npm/server@3");
            });

            LicenceReport portfolio = graph.licenceReportOfPortfolio();
            assertThat(portfolio.components()).as("web is one package version in two documents").isEqualTo(7);
            assertThat(portfolio.licences()).filteredOn(l -> "MIT".equals(l.licence())).singleElement()
                    .satisfies(l -> assertThat(l.components()).isEqualTo(1));
            assertThat(portfolio.copyleft()).extracting(Copyleft::purl)
                    .as("most restrictive first").containsExactly("pkg:npm/server@3", "pkg:npm/gpl-lib@1",
                            "pkg:npm/java@1");
            assertThat(Json.compact(portfolio)).contains("\"licence_list\"", "\"class\":\"network_copyleft\"",
                    "\"reason\":\"not_stated\"");

            assertThatThrownBy(() -> graph.licenceReportOfApplication("pkg:generic/acme/none@1"))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
