package io.supplygraph.analysis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.view.Violation;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Variables the graph derives rather than stores as written: a package's licence class (from its SPDX expressions)
 * and a document's SBOM quality score.
 */
class DerivedVariablesTest {

    @TempDir
    Path tmp;

    private PolicyReport check(Supplygraph graph, String digest, String when) throws Exception {
        Path policy = tmp.resolve("policy-" + Math.abs(when.hashCode()) + ".yaml");
        Files.writeString(policy, """
                rules:
                  - name: the-rule
                    when: '%s'
                    action: fail
                    message: tested
                """.formatted(when));
        return graph.check(CompiledPolicy.compile(PolicyFile.read(policy)), new PolicyCheck.Scope(digest, null),
                LocalDate.of(2026, 11, 30));
    }

    /** Ingests the one SBOM of the test: its digest. */
    private static String ingest(Supplygraph graph, Path sbom) {
        assertThat(graph.ingest(List.of(sbom.toString()), InputStream.nullInputStream(), new IngestListener() {})
                .rejected()).isZero();
        return graph.documents().get(0).digest();
    }

    private static List<String> violated(PolicyReport report) {
        return report.rules().get(0).violations().stream().map(Violation::purl).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRuleReadsAPackagesLicenceClassAndItsDocumentsQuality(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Path sbom = Apps.subject("pkg:maven/com.acme/shop@1.0")
                    .direct("pkg:maven/org.example/lib@1.0", "MIT OR GPL-2.0-only")
                    .transitive("pkg:maven/org.gnu/readline@1.0", "GPL-2.0-only WITH Classpath-exception-2.0")
                    .transitive("pkg:maven/org.mongo/server@1.0", "SSPL-1.0")
                    .write(tmp, "shop.cdx.json");
            String digest = ingest(graph, sbom);

            // MIT OR GPL: the choice of MIT; GPL with the Classpath exception: weak; SSPL: network copyleft
            assertThat(violated(check(graph, digest, "pkg.licence_class == \"network_copyleft\"")))
                    .containsExactly("pkg:maven/org.mongo/server@1.0");
            assertThat(violated(check(graph, digest, "pkg.licence_class == \"weak_copyleft\"")))
                    .containsExactly("pkg:maven/org.gnu/readline@1.0");
            assertThat(violated(check(graph, digest, "pkg.licence_class == \"permissive\"")))
                    .containsExactly("pkg:maven/org.example/lib@1.0");

            double score = graph.quality(digest).score();
            assertThat(violated(check(graph, digest, "document.quality < " + (score + 0.05)))).hasSize(1);
            assertThat(violated(check(graph, digest, "document.quality < " + (score - 0.05)))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPackagesLicencesAreTheExpressionsItsDocumentDeclaresAndConcludesOnceEach(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Path sbom = Files.writeString(tmp.resolve("app.spdx.json"), """
                    {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "app",
                     "packages": [%s, %s, %s, %s, %s],
                     "relationships": [
                       {"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES",
                        "relatedSpdxElement": "SPDXRef-app"},
                       %s, %s, %s, %s]}
                    """.formatted(spdxPackage("app", null, null), spdxPackage("same", "MIT", "MIT"),
                    spdxPackage("both", "MIT", "Apache-2.0"), spdxPackage("concluded", "NOASSERTION", "GPL-2.0-only"),
                    spdxPackage("none", null, null), dependsOn("same"), dependsOn("both"), dependsOn("concluded"),
                    dependsOn("none")));
            String digest = ingest(graph, sbom);

            assertThat(violated(check(graph, digest, "pkg.licences == [\"MIT\"]")))
                    .containsExactly("pkg:npm/same@1.0");
            assertThat(violated(check(graph, digest, "pkg.licences == [\"MIT\", \"Apache-2.0\"]")))
                    .containsExactly("pkg:npm/both@1.0");
            assertThat(violated(check(graph, digest, "pkg.licences == [\"GPL-2.0-only\"]")))
                    .containsExactly("pkg:npm/concluded@1.0");
            assertThat(violated(check(graph, digest, "size(pkg.licences) == 0"))).containsExactly("pkg:npm/none@1.0");
        }
    }

    private static String spdxPackage(String name, String declared, String concluded) {
        return "{\"SPDXID\": \"SPDXRef-" + name + "\", \"name\": \"" + name + "\", \"versionInfo\": \"1.0\""
                + (declared == null ? "" : ", \"licenseDeclared\": \"" + declared + "\"")
                + (concluded == null ? "" : ", \"licenseConcluded\": \"" + concluded + "\"")
                + ", \"externalRefs\": [{\"referenceCategory\": \"PACKAGE-MANAGER\", \"referenceType\": \"purl\","
                + " \"referenceLocator\": \"pkg:npm/" + name + "@1.0\"}]}";
    }

    private static String dependsOn(String name) {
        return "{\"spdxElementId\": \"SPDXRef-app\", \"relationshipType\": \"DEPENDS_ON\","
                + " \"relatedSpdxElement\": \"SPDXRef-" + name + "\"}";
    }
}
