package io.supplygraph.analysis.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.VexStatement;
import io.supplygraph.analysis.vulns.Sboms;
import io.supplygraph.analysis.vulns.Vulns.Query;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two applications hold log4j-core 2.14.1 (GHSA-jfh8-c2jp-5v3q, alias CVE-2021-44228, from the corpus); a vendor
 * says, for the shop only, that it is not affected. The OpenVEX export of that graph, ingested into a second graph
 * holding the same SBOMs and advisory but not the vendor's statement, gives back the same statements and the same
 * findings, and exporting the second graph gives the same statements again.
 */
class VexExportRoundTripTest {

    private static final String SHOP = "pkg:generic/acme/shop@1.0";
    private static final String BILLING = "pkg:generic/acme/billing@2.0";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private List<String> sbomsAndAdvisory() throws Exception {
        return List.of(Sboms.write(tmp, "shop.cdx.json", SHOP, LOG4J).toString(),
                Sboms.write(tmp, "billing.cdx.json", BILLING, LOG4J).toString());
    }

    private static void ingest(Supplygraph graph, List<String> files) {
        assertThat(graph.ingest(files, InputStream.nullInputStream(), new IngestListener() {}).rejected()).isZero();
        graph.importAdvisories(List.of(Corpus.path("osv/ghsa-sample/GHSA-jfh8-c2jp-5v3q.json").toString()),
                InputStream.nullInputStream(), new IngestListener() {});
    }

    private Path vendorStatement() throws Exception {
        Path file = tmp.resolve("vendor.openvex.json");
        Files.writeString(file, """
                {"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://acme.example/vex/1","author":"Acme",
                 "timestamp":"2026-01-01T00:00:00Z","version":1,
                 "statements":[{"vulnerability":{"name":"CVE-2021-44228"},
                   "products":[{"@id":"%s","subcomponents":[{"@id":"%s"}]}],
                   "status":"not_affected","justification":"vulnerable_code_not_in_execute_path",
                   "impact_statement":"JNDI lookups are disabled"}]}
                """.formatted(SHOP, LOG4J));
        return file;
    }

    /** Per package, vulnerability and application: the status the graph gives it. */
    private static Map<String, String> verdicts(Supplygraph graph) {
        Map<String, String> verdicts = new TreeMap<>();
        for (Finding f : graph.vulns(new Query(null, null, null, true))) {
            for (Finding.Container c : f.documents()) {
                verdicts.put(f.purl() + " " + f.id() + " " + c.subject(),
                        f.notAffectedInDocument(c.digest()) ? "not_affected" : f.status().label());
            }
        }
        return verdicts;
    }

    /** What a statement says, per product and package, as the VEX reader stores it. */
    private static List<String> said(JsonNode export) {
        List<String> said = new ArrayList<>();
        for (JsonNode s : export.get("statements")) {
            for (JsonNode product : s.get("products")) {
                for (JsonNode sub : product.path("subcomponents")) {
                    said.add(String.join(" | ", s.get("vulnerability").get("name").asText(), sub.get("@id").asText(),
                            product.get("@id").asText(), s.get("status").asText(), s.path("justification").asText(null),
                            s.path("impact_statement").asText(null), s.path("action_statement").asText(null)));
                }
            }
        }
        return said;
    }

    private static List<String> said(List<VexStatement> statements) {
        return statements.stream().map(s -> String.join(" | ", s.vulnerability(), s.packagePurl(), s.product(),
                s.status().label(), s.justification(), s.impactStatement(), s.actionStatement())).toList();
    }

    private static String export(Supplygraph graph, VexExport.Format format, String application) {
        return graph.exportVex(format, null, application, Instant.parse("2026-11-30T00:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reIngestingTheExportGivesBackTheSameStatementsAndFindings(Kind kind) throws Exception {
        Path exported = tmp.resolve("export.openvex.json");
        Map<String, String> original;
        JsonNode first;
        List<String> files = sbomsAndAdvisory();
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp.resolve("a")))) {
            ingest(graph, files);
            ingest(graph, List.of(vendorStatement().toString()));
            original = verdicts(graph);
            Files.writeString(exported, export(graph, VexExport.Format.OPENVEX, null));
            first = JSON.readTree(exported.toFile());
        }
        assertThat(original).containsEntry(LOG4J + " GHSA-jfh8-c2jp-5v3q " + SHOP, "not_affected")
                .containsEntry(LOG4J + " GHSA-jfh8-c2jp-5v3q " + BILLING, "affected");
        assertThat(first.get("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        assertThat(said(first)).containsExactlyInAnyOrder(
                "GHSA-jfh8-c2jp-5v3q | " + LOG4J + " | " + BILLING + " | affected | null | null | upgrade to 2.15.0",
                "GHSA-jfh8-c2jp-5v3q | " + LOG4J + " | " + SHOP + " | not_affected"
                        + " | vulnerable_code_not_in_execute_path | JNDI lookups are disabled | null");

        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp.resolve("b")))) {
            ingest(graph, new ArrayList<>(files));
            ingest(graph, List.of(exported.toString()));
            assertThat(said(graph.vex(null, null))).as("the statements, as the graph holds them")
                    .containsExactlyInAnyOrderElementsOf(said(first));
            assertThat(verdicts(graph)).as("the findings").isEqualTo(original);
            JsonNode again = JSON.readTree(export(graph, VexExport.Format.OPENVEX, null));
            assertThat(again.get("statements")).as("exported again").isEqualTo(first.get("statements"));
            assertThat(again.get("@id")).as("the same statements, the same id").isEqualTo(first.get("@id"));
            JsonNode shop = JSON.readTree(export(graph, VexExport.Format.OPENVEX, SHOP));
            assertThat(said(shop)).as("one application's export names only it").singleElement().asString()
                    .contains(SHOP, "not_affected");
        }
    }

    /**
     * CycloneDX VEX speaks for one product, so each application is exported on its own; the vendor's OpenVEX
     * justification comes back in CycloneDX's words (vulnerable_code_not_in_execute_path is code_not_reachable).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void reIngestingCycloneDxExportsGivesBackTheSameStatementsAndFindings(Kind kind) throws Exception {
        List<String> files = sbomsAndAdvisory();
        Map<String, String> original;
        List<Path> exports = new ArrayList<>();
        JsonNode shopFirst;
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp.resolve("a")))) {
            ingest(graph, files);
            ingest(graph, List.of(vendorStatement().toString()));
            original = verdicts(graph);
            for (String app : List.of(SHOP, BILLING)) {
                Path file = tmp.resolve(app.replaceAll("\\W", "_") + ".cdx.json");
                Files.writeString(file, export(graph, VexExport.Format.CYCLONEDX, app));
                exports.add(file);
            }
            shopFirst = JSON.readTree(exports.get(0).toFile());
            assertThatThrownBy(() -> export(graph, VexExport.Format.CYCLONEDX, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one product");
        }
        assertThat(shopFirst.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(shopFirst.get("metadata").get("component").get("purl").asText()).isEqualTo(SHOP);
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp.resolve("b")))) {
            ingest(graph, files);
            ingest(graph, exports.stream().map(Path::toString).toList());
            assertThat(said(graph.vex(null, null))).containsExactlyInAnyOrder(
                    "GHSA-jfh8-c2jp-5v3q | " + LOG4J + " | " + BILLING + " | affected | null | null | upgrade to 2.15.0",
                    "GHSA-jfh8-c2jp-5v3q | " + LOG4J + " | " + SHOP + " | not_affected | code_not_reachable"
                            + " | JNDI lookups are disabled | null");
            assertThat(verdicts(graph)).as("the findings").isEqualTo(original);
            JsonNode again = JSON.readTree(export(graph, VexExport.Format.CYCLONEDX, SHOP));
            assertThat(again.get("vulnerabilities")).as("exported again").isEqualTo(shopFirst.get("vulnerabilities"));
            assertThat(again.get("serialNumber")).isEqualTo(shopFirst.get("serialNumber"));
        }
    }
}
