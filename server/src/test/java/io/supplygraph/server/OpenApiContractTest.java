package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.TestStores;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document against the running server, both ways: every route the server has is described, every
 * described route answers, and each answer validates against the schema the document gives for its status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

    @TempDir
    static Path temp;

    private RunningServer s;
    private JsonNode document;
    private String digest;
    private String jobId;

    @BeforeAll
    void start() throws Exception {
        s = RunningServer.start(TestStores.fresh(Kind.SQLITE, temp), temp.resolve("spool"));
        Reply uploaded = s.upload("a.cdx.json", TestBoms.application(ServerApiTest.APP_A)
                .depends(ServerApiTest.APP_A, ServerApiTest.OLD).json(), s.writeToken);
        validate("POST", "/api/v1/documents", uploaded);
        digest = uploaded.body().path("digest").asText();
        validate("POST", "/api/v1/documents", s.upload("again.json", TestBoms.application(ServerApiTest.APP_A)
                .depends(ServerApiTest.APP_A, ServerApiTest.OLD).json(), s.writeToken));
        Reply advisory = s.send(HttpRequest.newBuilder(s.uri("/api/v1/advisories?name=TEST-1.json"))
                .POST(HttpRequest.BodyPublishers.ofString(TestBoms.osvMaven("TEST-2021-0001",
                        "org.apache.logging.log4j:log4j-core", "2.0", "2.15.0", ServerApiTest.CRITICAL))),
                s.writeToken);
        validate("POST", "/api/v1/advisories", advisory);
        jobId = advisory.body().path("id").asText();
        s.awaitJob(jobId);
    }

    @AfterAll
    void stop() {
        s.close();
    }

    private JsonNode document() {
        if (document == null) {
            Reply reply = s.get("/api/v1/openapi.json");
            assertThat(reply.status()).isEqualTo(200);
            document = reply.body();
        }
        return document;
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document().toString());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyRouteTheServerHasIsDescribedAndNothingElse() {
        TreeSet<String> described = new TreeSet<>();
        document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(described).containsExactlyElementsOf(new TreeSet<>(s.server.routes()));
    }

    @Test
    void everyDescribedReadAnswersWithWhatItsSchemaSays() {
        List<String> checked = new ArrayList<>();
        document().path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                return;
            }
            String target = withParameters(path.getKey(), get.path("parameters"));
            Reply reply = s.get(target, s.readToken);
            assertThat(reply.status()).as("GET " + target + ": " + reply.text()).isBetween(200, 299);
            validate("GET", path.getKey(), reply);
            checked.add(path.getKey());
        });
        assertThat(checked).contains("/api/v1/dependents", "/api/v1/vulns/{id}", "/api/v1/jobs/{id}", "/health",
                "/api/v1/fix", "/api/v1/fix/portfolio", "/api/v1/licences", "/api/v1/documents/{digest}/quality",
                "/api/v1/export/vex");
    }

    @Test
    void theFixPlanAnswersWithTypedUpgrades() {
        Reply plan = s.get("/api/v1/fix?app=" + RunningServer.encode(ServerApiTest.APP_A), s.readToken);
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);
        validate("GET", "/api/v1/fix", plan);
        // TEST-2021-0001: log4j-core introduced 2.0, fixed 2.15.0
        JsonNode upgrade = plan.body().path("items").get(0);
        assertThat(upgrade.path("package").asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
        assertThat(upgrade.path("target").asText()).isEqualTo("2.15.0");
        assertThat(upgrade.path("removes").get(0).path("id").asText()).isEqualTo("TEST-2021-0001");
        Reply portfolio = s.get("/api/v1/fix/portfolio", s.readToken);
        validate("GET", "/api/v1/fix/portfolio", portfolio);
        assertThat(portfolio.body().path("items").get(0).path("applications").asInt()).isEqualTo(1);
        validate("GET", "/api/v1/fix", s.get("/api/v1/fix?app=pkg:generic/nobody@1", s.readToken));
    }

    @Test
    void deletesAndProblemsValidateToo() {
        validate("GET", "/api/v1/documents/{digest}", s.get("/api/v1/documents/sha256:0000", s.readToken));
        validate("GET", "/api/v1/dependents", s.get("/api/v1/dependents", s.readToken));
        String other = s.upload("c.cdx.json", TestBoms.application(ServerApiTest.APP_C)
                .depends(ServerApiTest.APP_C, ServerApiTest.LIB).json(), s.writeToken).body().path("digest").asText();
        Reply deleted = s.delete("/api/v1/documents/" + other, s.writeToken);
        assertThat(deleted.status()).isEqualTo(200);
        validate("DELETE", "/api/v1/documents/{digest}", deleted);
        Reply affected = s.send(HttpRequest.newBuilder(s.uri("/api/v1/versions/affected?ecosystem=Maven&version=2.14.1"))
                .POST(HttpRequest.BodyPublishers.ofString(TestBoms.osvMaven("TEST-2021-0001",
                        "org.apache.logging.log4j:log4j-core", "2.0", "2.15.0", null))), s.readToken);
        assertThat(affected.status()).isEqualTo(200);
        validate("POST", "/api/v1/versions/affected", affected);
    }

    /** Fills path and required query parameters with values the portfolio holds. */
    private String withParameters(String path, JsonNode parameters) {
        Map<String, String> values = Map.of("digest", digest, "purl", ServerApiTest.LOG4J, "from",
                ServerApiTest.APP_A, "to", ServerApiTest.OLD, "ecosystem", "Maven", "a", "1.0", "b", "1.0.1",
                "term", "log4j", "subject", ServerApiTest.APP_A, "app", ServerApiTest.APP_A);
        String target = path.replace("{digest}", digest)
                .replace("{id}", path.startsWith("/api/v1/jobs") ? jobId : "TEST-2021-0001");
        StringBuilder query = new StringBuilder();
        for (JsonNode p : parameters) {
            if (p.path("in").asText().equals("query") && p.path("required").asBoolean()) {
                String value = values.get(p.path("name").asText());
                assertThat(value).as("a value for " + p.path("name").asText()).isNotNull();
                query.append(query.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=')
                        .append(RunningServer.encode(value));
            }
        }
        return target + query;
    }

    private void validate(String method, String path, Reply reply) {
        JsonNode response = document().path("paths").path(path).path(method.toLowerCase())
                .path("responses").path(Integer.toString(reply.status()));
        assertThat(response.isMissingNode()).as(method + " " + path + " answered " + reply.status()
                + ", which its description does not list").isFalse();
        JsonNode content = response.path("content");
        if (content.isMissingNode()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        Map.Entry<String, JsonNode> type = types.next();
        assertThat(reply.header("Content-Type")).startsWith(type.getKey());
        ObjectNode root = document().deepCopy();
        root.putArray("allOf").add(type.getValue().path("schema"));
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://supplygraph.invalid/openapi.json"), root);
        assertThat(schema.validate(reply.body())).as(method + " " + path + " " + reply.status() + ": "
                + reply.text()).isEmpty();
    }
}
