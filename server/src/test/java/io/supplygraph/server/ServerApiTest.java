package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every endpoint over real HTTP, on SQLite and PostgreSQL, against a portfolio whose answers follow from the test's
 * own lines: three applications, two log4j-core versions, and an advisory affecting one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest {

    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core";
    static final String OLD = LOG4J + "@2.14.1";
    static final String NEW = LOG4J + "@2.17.1";
    static final String APP_A = "pkg:maven/acme/app-a@1.0";
    static final String APP_B = "pkg:maven/acme/app-b@2.0";
    static final String APP_C = "pkg:maven/acme/app-c@3.0";
    static final String LIB = "pkg:maven/acme/lib@1.0";
    static final String CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    @TempDir
    Path temp;

    @RegisterExtension
    final Servers servers = new Servers();

    private RunningServer serverWithPortfolio(Kind kind) {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-" + kind));
        assertThat(s.upload("a.cdx.json", TestBoms.application(APP_A).depends(APP_A, OLD).json(), s.writeToken)
                .status()).isEqualTo(201);
        assertThat(s.upload("b.cdx.json", TestBoms.application(APP_B).depends(APP_B, LIB).depends(LIB, NEW).json(),
                s.writeToken).status()).isEqualTo(201);
        assertThat(s.upload("c.cdx.json", TestBoms.application(APP_C).depends(APP_C, OLD).json(), s.writeToken)
                .status()).isEqualTo(201);
        assertThat(s.upload("TEST-1.json", TestBoms.osvMaven("TEST-2021-0001", "org.apache.logging.log4j:log4j-core",
                "2.0", "2.15.0", CRITICAL), s.writeToken).status()).isEqualTo(201);
        return s;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void uploadAnswersWithTheDocumentAndTheSameBytesAgainAreAlreadyIngested(Kind kind) {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-up-" + kind));
        String bom = TestBoms.application(APP_A).depends(APP_A, OLD, LIB).json();
        Reply first = s.upload("app.cdx.json", bom, s.writeToken);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("status").asText()).isEqualTo("ingested");
        assertThat(first.body().path("format").asText()).isEqualTo("cyclonedx-json");
        assertThat(first.body().path("components").asInt()).as("the subject is not a component").isEqualTo(2);
        assertThat(first.body().path("source").asText()).isEqualTo("app.cdx.json");
        String digest = first.body().path("digest").asText();
        assertThat(first.header("Location")).isEqualTo("/api/v1/documents/" + digest);

        Reply again = s.upload("again.json", bom, s.writeToken);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("status").asText()).isEqualTo("already-ingested");
        assertThat(again.body().path("digest").asText()).isEqualTo(digest);

        Reply shown = s.get("/api/v1/documents/" + digest.substring(0, 16), s.readToken);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body().path("digest").asText()).isEqualTo(digest);
        assertThat(shown.body().path("source").asText()).as("recorded as the client named it, not as spooled")
                .isEqualTo("app.cdx.json");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void graphQuestionsAnswerAsTheCliDoes(Kind kind) {
        RunningServer s = serverWithPortfolio(kind);

        Reply anyVersion = s.get("/api/v1/dependents?purl=" + RunningServer.encode(LOG4J));
        assertThat(anyVersion.status()).isEqualTo(200);
        assertThat(anyVersion.body().path("total").asInt()).isEqualTo(3);
        assertThat(subjects(anyVersion.body())).containsExactlyInAnyOrder(APP_A, APP_B, APP_C);

        Reply oldOnly = s.get("/api/v1/dependents?purl=" + RunningServer.encode(OLD));
        assertThat(subjects(oldOnly.body())).containsExactlyInAnyOrder(APP_A, APP_C);

        Reply viaLib = s.get("/api/v1/dependents?purl=" + RunningServer.encode(NEW));
        JsonNode b = viaLib.body().path("items").get(0);
        assertThat(b.path("subject").asText()).isEqualTo(APP_B);
        assertThat(texts(b.path("path"))).containsExactly(APP_B, LIB, NEW);

        Reply deps = s.get("/api/v1/deps?transitive=true&purl=" + RunningServer.encode(APP_B));
        assertThat(deps.status()).isEqualTo(200);
        List<String> purls = new ArrayList<>();
        deps.body().path("items").forEach(d -> purls.add(d.path("purl").asText()));
        assertThat(purls).containsExactlyInAnyOrder(LIB, NEW);

        Reply path = s.get("/api/v1/path?from=" + RunningServer.encode(APP_B) + "&to=" + RunningServer.encode(NEW));
        assertThat(path.status()).isEqualTo(200);
        assertThat(path.body().path("total").asInt()).isEqualTo(2);

        Reply drift = s.get("/api/v1/drift?purl=" + RunningServer.encode(LOG4J));
        assertThat(drift.status()).isEqualTo(200);
        assertThat(drift.body().path("newest").asText()).isEqualTo("2.17.1");
        assertThat(drift.body().path("behind").size()).isEqualTo(2);

        Reply stats = s.get("/api/v1/stats");
        assertThat(stats.body().path("documents").asInt()).isEqualTo(4);
        assertThat(stats.body().path("database").isNull()).as("the database's location is not the client's").isTrue();

        Reply packages = s.get("/api/v1/packages?name=log4j");
        assertThat(packages.body().path("total").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void listsPageFilterAndSortTheSameWayEverywhere(Kind kind) {
        RunningServer s = serverWithPortfolio(kind);
        String dependents = "/api/v1/dependents?purl=" + RunningServer.encode(LOG4J);

        List<String> all = subjects(s.get(dependents).body());
        List<String> pages = new ArrayList<>();
        pages.addAll(subjects(s.get(dependents + "&limit=2&offset=0").body()));
        pages.addAll(subjects(s.get(dependents + "&limit=2&offset=2").body()));
        assertThat(pages).as("two pages make the whole list, in the same order").isEqualTo(all);
        assertThat(s.get(dependents + "&limit=2").body().path("total").asInt()).isEqualTo(3);

        assertThat(subjects(s.get(dependents + "&sort=-subject").body())).containsExactly(APP_C, APP_B, APP_A);
        assertThat(subjects(s.get(dependents + "&sort=subject").body())).containsExactly(APP_A, APP_B, APP_C);
        assertThat(subjects(s.get(dependents + "&q=APP-B").body())).containsExactly(APP_B);

        assertThat(s.get(dependents + "&limit=0").status()).isEqualTo(400);
        assertThat(s.get(dependents + "&limit=abc").status()).isEqualTo(400);
        assertThat(s.get(dependents + "&offset=-1").status()).isEqualTo(400);
        Reply badSort = s.get(dependents + "&sort=colour");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.body().path("detail").asText()).contains("colour").contains("subject");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findingsCarrySeverityFixAndBlastRadius(Kind kind) {
        RunningServer s = serverWithPortfolio(kind);

        Reply vulns = s.get("/api/v1/vulns");
        assertThat(vulns.status()).isEqualTo(200);
        assertThat(vulns.body().path("total").asInt()).isEqualTo(1);
        JsonNode finding = vulns.body().path("items").get(0);
        assertThat(finding.path("purl").asText()).isEqualTo(OLD);
        assertThat(finding.path("id").asText()).isEqualTo("TEST-2021-0001");
        assertThat(finding.path("severity").asText()).isEqualTo("critical");
        assertThat(texts(finding.path("fixed"))).containsExactly("2.15.0");
        assertThat(finding.path("documents").size()).isEqualTo(2);

        assertThat(s.get("/api/v1/vulns?purl=" + RunningServer.encode(NEW)).body().path("total").asInt()).isZero();
        assertThat(s.get("/api/v1/vulns?severity=high").body().path("total").asInt()).isEqualTo(1);
        assertThat(s.get("/api/v1/vulns?severity=dreadful").status()).isEqualTo(400);

        Reply vuln = s.get("/api/v1/vulns/TEST-2021-0001");
        assertThat(vuln.status()).isEqualTo(200);
        assertThat(vuln.body().path("applications").size()).isEqualTo(2);
        assertThat(s.get("/api/v1/vulns/CVE-1999-0000").status()).isEqualTo(404);

        assertThat(s.get("/api/v1/malicious").body().path("total").asInt()).isZero();
        assertThat(s.get("/api/v1/vex").status()).isEqualTo(200);
        assertThat(s.get("/api/v1/provenance?purl=" + RunningServer.encode(APP_A)).status()).isEqualTo(200);
        assertThat(s.get("/api/v1/scorecard?purl=" + RunningServer.encode(APP_A)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void errorsAreProblemDetailsWithTheRightStatus(Kind kind) {
        RunningServer s = serverWithPortfolio(kind);

        Reply invalidPurl = s.get("/api/v1/dependents?purl=" + RunningServer.encode("pkg:maven/@1.0"));
        assertProblem(invalidPurl, 400);
        assertProblem(s.get("/api/v1/dependents"), 400);
        assertProblem(s.get("/api/v1/documents/sha256:0000"), 404);
        assertProblem(s.get("/api/v1/documents/sha256:"), 409);
        assertProblem(s.get("/api/v1/no-such-thing"), 404);
        assertProblem(s.get("/api/v1/jobs/no-such-job"), 404);

        Reply unsupported = s.upload("notes.txt", "hello, world", s.writeToken);
        assertProblem(unsupported, 415);
        assertThat(unsupported.body().path("detail").asText()).startsWith("notes.txt: not a supported document");

        Reply malformed = s.upload("broken.cdx.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", "
                + "\"components\": [", s.writeToken);
        assertProblem(malformed, 422);
        assertThat(malformed.body().path("detail").asText()).startsWith("broken.cdx.json: ");
        assertThat(s.get("/api/v1/stats").body().path("documents").asInt())
                .as("what was ingested before stays").isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tokensDecideWhoMayReadAndWrite(Kind kind) {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-tok-" + kind),
                o -> o.withAnonymousRead(false));
        String bom = TestBoms.application(APP_C).depends(APP_C, OLD).json();

        Reply noToken = s.upload("c.json", bom, null);
        assertProblem(noToken, 401);
        assertThat(noToken.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(s.upload("c.json", bom, "sg_not-a-real-token"), 401);
        assertProblem(s.upload("c.json", bom, s.readToken), 403);
        assertThat(s.upload("c.json", bom, s.writeToken).status()).isEqualTo(201);

        assertProblem(s.get("/api/v1/documents"), 401);
        assertThat(s.get("/api/v1/documents", s.readToken).status()).isEqualTo(200);
        assertThat(s.get("/api/v1/documents", s.writeToken).status()).as("write implies read").isEqualTo(200);
        assertThat(s.get("/health").status()).as("liveness needs no token").isEqualTo(200);

        try (Supplygraph graph = Supplygraph.open(s.database)) {
            String name = graph.tokens().list().stream().filter(t -> t.scope().label().equals("read"))
                    .findFirst().orElseThrow().name();
            assertThat(graph.tokens().revoke(name)).isTrue();
        }
        assertProblem(s.get("/api/v1/documents", s.readToken), 401);
        assertThat(s.log.toString(StandardCharsets.UTF_8)).as("no token is ever logged")
                .doesNotContain(s.readToken).doesNotContain(s.writeToken).contains("\"status\":401");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArchiveBecomesAJobThatReportsEachDocument(Kind kind) throws Exception {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-zip-" + kind));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            add(out, "a.cdx.json", TestBoms.application(APP_A).depends(APP_A, OLD).json());
            add(out, "b.cdx.json", TestBoms.application(APP_B).depends(APP_B, LIB).json());
            add(out, "junk.txt", "not an sbom");
        }
        Reply accepted = s.upload("boms.zip", zip.toByteArray(), s.writeToken);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().path("id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/jobs/" + id);

        JsonNode job = s.awaitJob(id);
        assertThat(job.path("state").asText()).isEqualTo("done");
        JsonNode result = job.path("result");
        assertThat(result.path("ingested").asInt()).isEqualTo(2);
        assertThat(result.path("rejected").asInt()).isEqualTo(1);
        List<String> sources = new ArrayList<>();
        result.path("documents").forEach(d -> sources.add(d.path("source").asText()));
        assertThat(sources).contains("boms.zip!/a.cdx.json", "boms.zip!/junk.txt");
        List<String> recorded = new ArrayList<>();
        s.get("/api/v1/documents").body().path("items").forEach(d -> recorded.add(d.path("source").asText()));
        assertThat(recorded).containsExactlyInAnyOrder("boms.zip!/a.cdx.json", "boms.zip!/b.cdx.json");
        assertThat(s.get("/api/v1/stats").body().path("documents").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void multipartFilesAreOneJobAndASingleFilePartIsIngestedAtOnce(Kind kind) throws Exception {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-multi-" + kind));
        String boundary = "supplygraph-test-boundary";
        String one = part(boundary, "a.cdx.json", TestBoms.application(APP_A).depends(APP_A, OLD).json());
        Reply single = s.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v1/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(one + "--" + boundary + "--\r\n")),
                s.writeToken);
        assertThat(single.status()).as(single.text()).isEqualTo(201);
        assertThat(single.body().path("source").asText()).isEqualTo("a.cdx.json");

        String two = part(boundary, "b.cdx.json", TestBoms.application(APP_B).depends(APP_B, LIB).json())
                + part(boundary, "c.cdx.json", TestBoms.application(APP_C).depends(APP_C, NEW).json());
        Reply batch = s.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v1/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(two + "--" + boundary + "--\r\n")),
                s.writeToken);
        assertThat(batch.status()).as(batch.text()).isEqualTo(202);
        JsonNode job = s.awaitJob(batch.body().path("id").asText());
        assertThat(job.path("result").path("ingested").asInt()).isEqualTo(2);
        assertThat(s.get("/api/v1/stats").body().path("documents").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anOsvSyncIsAJobThatImportsWhatChangedAndFindsWhatItAffects(Kind kind) throws Exception {
        byte[] export = TestBoms.zip(java.util.Map.of(
                "TEST-2021-0001.json", TestBoms.osvMaven("TEST-2021-0001", "org.apache.logging.log4j:log4j-core",
                        "2.0", "2.15.0", CRITICAL),
                "TEST-2021-0002.json", TestBoms.osvMaven("TEST-2021-0002", "acme:lib", "0", "0.9", null)));
        try (OsvMirror osv = OsvMirror.serving("Maven", export)) {
            RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-sync-" + kind),
                    o -> o.withOsv(osv.source(temp.resolve("osv-cache-" + kind))));
            assertThat(s.upload("a.cdx.json", TestBoms.application(APP_A).depends(APP_A, OLD).json(), s.writeToken)
                    .status()).isEqualTo(201);
            assertProblem(s.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v1/advisories/sync?ecosystem=Maven"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), s.readToken), 403);

            Reply accepted = s.send(java.net.http.HttpRequest.newBuilder(
                    s.uri("/api/v1/advisories/sync?ecosystem=Maven")).POST(java.net.http.HttpRequest.BodyPublishers
                    .noBody()), s.writeToken);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            JsonNode job = s.awaitJob(accepted.body().path("id").asText());
            assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
            JsonNode maven = job.path("result").get(0);
            assertThat(maven.path("ecosystem").asText()).isEqualTo("Maven");
            assertThat(maven.path("imported").asInt()).isEqualTo(2);
            assertThat(s.get("/api/v1/vulns").body().path("items").get(0).path("id").asText())
                    .isEqualTo("TEST-2021-0001");
        }
    }

    private static String part(String boundary, String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/json\r\n\r\n" + content + "\r\n";
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deletingADocumentTakesItsFactsAndNeedsAWriteToken(Kind kind) {
        RunningServer s = serverWithPortfolio(kind);
        String digest = s.get("/api/v1/documents").body().path("items").get(0).path("digest").asText();
        assertProblem(s.delete("/api/v1/documents/" + digest, s.readToken), 403);
        assertThat(s.delete("/api/v1/documents/" + digest, s.writeToken).status()).isEqualTo(200);
        assertProblem(s.get("/api/v1/documents/" + digest), 404);
        assertThat(s.get("/api/v1/stats").body().path("documents").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFullIngestQueueAnswers503WithRetryAfter(Kind kind) {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-full-" + kind),
                o -> o.withLimits(o.maxUploadBytes(), 0, o.maxJobs()));
        Reply busy = s.upload("a.json", TestBoms.application(APP_A).depends(APP_A, OLD).json(), s.writeToken);
        assertProblem(busy, 503);
        assertThat(busy.header("Retry-After")).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUploadOverTheLimitIs413AndLeavesNothing(Kind kind) {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-big-" + kind),
                o -> o.withLimits(1000, o.maxPending(), o.maxJobs()));
        String big = TestBoms.application(APP_A).depends(APP_A, OLD, NEW, LIB, APP_B, APP_C).json().repeat(3);
        assertProblem(s.upload("big.json", big, s.writeToken), 413);
        assertThat(s.get("/api/v1/stats").body().path("documents").asInt()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void operationsEndpointsAnswer(Kind kind) {
        RunningServer s = serverWithPortfolio(kind);
        assertThat(s.get("/health").body().path("status").asText()).isEqualTo("up");
        assertThat(s.get("/ready").body().path("status").asText()).isEqualTo("ready");
        Reply metrics = s.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.text()).contains("http_server_requests_seconds_bucket")
                .contains("route=\"/api/v1/documents\"")
                .contains("supplygraph_documents_total{outcome=\"ingested\"} 4.0")
                .contains("supplygraph_ingest_queue_depth");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void versionQuestionsNeedNoGraph(Kind kind) {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-ver-" + kind));
        JsonNode compared = s.get("/api/v1/versions/compare?ecosystem=pypi&a=1.0rc1&b=1.0").body();
        assertThat(compared.path("comparison").asText()).isEqualTo("<");
        assertThat(s.get("/api/v1/versions/compare?ecosystem=Maven&a=1.10&b=1.9").body().path("comparison").asText())
                .isEqualTo(">");
        assertProblem(s.get("/api/v1/versions/compare?ecosystem=cobol&a=1&b=2"), 400);

        String record = TestBoms.osvMaven("TEST-2", "org.example:lib", "1.0", "1.5", null);
        Reply affected = s.send(java.net.http.HttpRequest.newBuilder(
                s.uri("/api/v1/versions/affected?ecosystem=Maven&version=1.4"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(record)), null);
        assertThat(affected.body().path("verdict").asText()).isEqualTo("affected");
        assertThat(affected.body().path("decidedBy").asText()).contains("org.example:lib");
        Reply fixed = s.send(java.net.http.HttpRequest.newBuilder(
                s.uri("/api/v1/versions/affected?ecosystem=Maven&version=1.5"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(record)), null);
        assertThat(fixed.body().path("verdict").asText()).isEqualTo("not affected");
        assertProblem(s.send(java.net.http.HttpRequest.newBuilder(
                s.uri("/api/v1/versions/affected?ecosystem=npm&version=1.5"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(record)), null), 404);
        assertProblem(s.send(java.net.http.HttpRequest.newBuilder(
                s.uri("/api/v1/versions/affected?ecosystem=Maven&version=1.5"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")), null), 400);
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("detail").asText()).isNotBlank();
    }

    static List<String> subjects(JsonNode listing) {
        List<String> subjects = new ArrayList<>();
        listing.path("items").forEach(item -> subjects.add(item.path("subject").asText()));
        return subjects;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
