package io.supplygraph.server;

import static io.supplygraph.server.UiPortfolio.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.vex.VexExport;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.server.http.Problems;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reports the CLI prints as one object (licenses, quality DIGEST, export vex) as the API answers them, on
 * SQLite and PostgreSQL: the same view the command prints with --json, and the same errors as problem details.
 * {@link UiPortfolio} and its SBOM whose components declare licences are uploaded first.
 */
class ReportsApiTest {

    private static final String MIT = "pkg:npm/a@1";
    private static final String UNSTATED = "pkg:npm/d@1";
    private static final String LGPL = "pkg:npm/e@1";

    @TempDir
    Path temp;

    @RegisterExtension
    final Servers servers = new Servers();

    private RunningServer server(Kind kind) {
        RunningServer s = UiPortfolio.servedBy(servers, kind, temp);
        assertThat(s.upload("licensed.cdx.json", LICENSED_BOM, s.writeToken).status()).isEqualTo(201);
        return s;
    }

    /** What the CLI prints with --json for this view (an array of it): the one mapper's JSON of the same query. */
    private static JsonNode cliJson(RunningServer s, Function<Supplygraph, Object> query) throws Exception {
        try (Supplygraph graph = Supplygraph.openExisting(s.database)) {
            return ApiClient.JSON.readTree(Json.compact(query.apply(graph)));
        }
    }

    private static List<String> rows(JsonNode items, String... fields) {
        List<String> rows = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> cells = new ArrayList<>();
            for (String field : fields) {
                cells.add(item.path(field).asText(null));
            }
            rows.add(String.join(" ", cells));
        }
        return rows;
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith(Problems.MEDIA_TYPE);
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("detail").asText()).contains(detail);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void licencesOfADocumentAnApplicationAndThePortfolioAreTheReportTheCliPrints(Kind kind) throws Exception {
        RunningServer s = server(kind);
        String digest = TestBoms.digest(LICENSED_BOM);

        Reply document = s.get("/api/v1/licences?doc=" + digest.substring(0, 20));
        assertThat(document.status()).as("a read needs no token on loopback: " + document.text()).isEqualTo(200);
        JsonNode report = document.body();
        assertThat(report).isEqualTo(cliJson(s, g -> g.licenceReportOfDocument(digest)));
        assertThat(report.path("scope").asText()).isEqualTo("document");
        assertThat(report.path("target").asText()).isEqualTo(digest);
        assertThat(report.path("components").asInt()).as("a, b, c, d, e").isEqualTo(5);
        assertThat(rows(report.path("classes"), "class", "components")).containsExactly("permissive 3",
                "weak_copyleft 1", "proprietary_or_unknown 1");
        assertThat(rows(report.path("licences"), "licence", "class", "components")).containsExactlyInAnyOrder(
                "MIT permissive 2", "GPL-2.0-only OR Apache-2.0 permissive 1", "LGPL-2.1-only weak_copyleft 1",
                "null proprietary_or_unknown 1");
        assertThat(rows(report.path("unknown"), "purl", "reason")).containsExactly(UNSTATED + " not_stated");
        assertThat(rows(report.path("copyleft"), "purl", "licence", "class", "documents")).containsExactly(
                LGPL + " LGPL-2.1-only weak_copyleft 1");
        assertThat(report.path("copyleft").get(0).path("path")).extracting(JsonNode::asText)
                .as("from the subject through a, which brings it").containsExactly(LICENSED, MIT, LGPL);

        JsonNode application = s.get("/api/v1/licences?app=" + RunningServer.encode(LICENSED), s.readToken).body();
        assertThat(application).isEqualTo(cliJson(s, g -> g.licenceReportOfApplication(LICENSED)));
        assertThat(application.path("scope").asText()).isEqualTo("application");
        assertThat(application.path("classes")).as("its one document's components").isEqualTo(report.path("classes"));

        JsonNode portfolio = s.get("/api/v1/licences", s.readToken).body();
        assertThat(portfolio).isEqualTo(cliJson(s, g -> g.licenceReportOfPortfolio()));
        assertThat(portfolio.path("scope").asText()).isEqualTo("portfolio");
        assertThat(portfolio.path("target").isNull()).isTrue();
        assertThat(portfolio.path("components").asInt()).as("the UI portfolio's components state no licence")
                .isGreaterThan(report.path("components").asInt());
        assertThat(rows(portfolio.path("unknown"), "purl")).contains(UNSTATED, LOG4J_OLD, COMMONS, EVIL);
        assertThat(portfolio.path("copyleft")).isEqualTo(report.path("copyleft"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReportScopedTwiceOrToWhatTheGraphLacksIsAProblem(Kind kind) {
        RunningServer s = server(kind);
        String digest = TestBoms.digest(LICENSED_BOM);
        assertProblem(s.get("/api/v1/licences?doc=" + digest + "&app=" + RunningServer.encode(LICENSED)), 400,
                "give doc or app, not both");
        assertProblem(s.get("/api/v1/export/vex?doc=" + digest + "&app=" + RunningServer.encode(LICENSED)), 400,
                "give doc or app, not both");
        assertProblem(s.get("/api/v1/licences?doc=sha256:0000"), 404, "sha256:0000");
        assertProblem(s.get("/api/v1/licences?app=" + RunningServer.encode(COMMONS)), 404, COMMONS);
        assertProblem(s.get("/api/v1/documents/sha256:0000/quality"), 404, "sha256:0000");
        assertProblem(s.get("/api/v1/export/vex?doc=sha256:0000"), 404, "sha256:0000");
        assertProblem(s.get("/api/v1/export/vex?app=" + RunningServer.encode(COMMONS)), 404, COMMONS);
        assertProblem(s.get("/api/v1/export/vex?format=spdx"), 400, "unknown VEX format 'spdx'");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void qualityIsTheCheckedScoreOfOneSbom(Kind kind) throws Exception {
        RunningServer s = server(kind);
        String billing = TestBoms.digest(UiPortfolio.documents().get("billing.cdx.json"));
        Reply reply = s.get("/api/v1/documents/" + billing.substring(0, 16) + "/quality", s.readToken);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode quality = reply.body();
        assertThat(quality).isEqualTo(cliJson(s, g -> g.quality(billing)));
        assertThat(quality.path("digest").asText()).isEqualTo(billing);
        assertThat(quality.path("format").asText()).isEqualTo("cyclonedx-json");
        assertThat(quality.path("spec_version").asText()).isEqualTo("1.5");
        double weighted = 0;
        double weights = 0;
        for (JsonNode check : quality.path("checks")) {
            if (!check.path("verdict").asText().equals("not_applicable")) {
                weighted += check.path("weight").asDouble() * check.path("score").asDouble();
                weights += check.path("weight").asDouble();
            }
        }
        assertThat(quality.path("score").asDouble()).as("the weighted mean of its applicable checks, 0 to 10")
                .isCloseTo(Math.round(weighted / weights * 10) / 10.0, Offset.offset(0.051));

        String vex = TestBoms.digest(UiPortfolio.documents().get("billing.openvex.json"));
        assertProblem(s.get("/api/v1/documents/" + vex + "/quality", s.readToken), 400, "openvex");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void vexExportsAreTheDocumentsExportVexWrites(Kind kind) throws Exception {
        RunningServer s = server(kind);
        Reply reply = s.get("/api/v1/export/vex?app=" + RunningServer.encode(BILLING), s.readToken);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode openVex = reply.body();
        try (Supplygraph graph = Supplygraph.openExisting(s.database)) {
            JsonNode exported = ApiClient.JSON.readTree(graph.exportVex(VexExport.Format.OPENVEX, null, BILLING,
                    Instant.now()));
            assertThat(withoutTimestamp(openVex)).as("export vex --app, but for the moment it was written")
                    .isEqualTo(withoutTimestamp(exported));
        }
        assertThat(openVex.path("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        // billing has log4j-core 2.14.1 through acme commons; its own VEX statement clears commons' advisory
        assertThat(rows(openVex.path("statements"), "status", "justification")).containsExactlyInAnyOrder(
                "affected null", "not_affected " + JUSTIFICATION);
        for (JsonNode statement : openVex.path("statements")) {
            String subcomponent = statement.path("products").get(0).path("subcomponents").get(0).path("@id").asText();
            assertThat(statement.path("products").get(0).path("@id").asText()).isEqualTo(BILLING);
            assertThat(subcomponent).isEqualTo(statement.path("status").asText().equals("affected") ? LOG4J_OLD
                    : COMMONS);
        }

        String billing = TestBoms.digest(UiPortfolio.documents().get("billing.cdx.json"));
        JsonNode cyclonedx = s.get("/api/v1/export/vex?format=CycloneDX&doc=" + billing, s.readToken).body();
        assertThat(cyclonedx.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(cyclonedx.path("metadata").path("component").path("purl").asText()).isEqualTo(BILLING);
        assertThat(rows(cyclonedx.path("vulnerabilities"), "id")).containsExactlyInAnyOrder(GHSA, COMMONS_ADVISORY);

        JsonNode portfolio = s.get("/api/v1/export/vex", s.readToken).body();
        List<String> products = new ArrayList<>();
        portfolio.path("statements").forEach(st -> st.path("products").forEach(p -> products.add(
                st.path("vulnerability").path("name").asText() + " " + p.path("@id").asText() + " "
                        + st.path("status").asText())));
        assertThat(products).as("payments' own statement clears it; the image holding payments stays exposed")
                .contains(GHSA + " " + PAYMENTS + " not_affected", GHSA + " " + IMAGE + " affected",
                        GHSA + " " + BILLING + " affected")
                .noneMatch(p -> p.startsWith(MAL));

        assertProblem(s.get("/api/v1/export/vex?format=cyclonedx", s.readToken), 400,
                "CycloneDX VEX speaks for one product");
    }

    /** The export without the moment it was written, which is all that differs between two exports. */
    private static JsonNode withoutTimestamp(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("timestamp");
        return copy;
    }
}
