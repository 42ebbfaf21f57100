package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.server.http.Problems;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploads that say which application and release their documents are about, and that they replace what the same
 * producer wrote before ({@code ?app=&release=&replace=true}, as {@code ingest --app --release --replace}): one
 * document ingested before the answer, an archive as a job of this server, and a job a worker takes from a queue.
 */
class NamedUploadsTest {

    private static final String APP = "billing";
    private static final String RELEASE = "2026.11";
    private static final String NAMED = "&app=" + APP + "&release=" + RELEASE;

    @TempDir
    Path tmp;

    @RegisterExtension
    final Servers servers = new Servers();
    @RegisterExtension
    final TestQueues queues = new TestQueues();

    /** A document whose subject names another application and release than the upload does. */
    private static String frontend(int version) {
        String subject = "pkg:generic/acme/frontend@" + version;
        return TestBoms.application(subject).depends(subject, "pkg:maven/org.example/lib@1." + version).json();
    }

    private static Reply upload(ApiClient s, String name, byte[] body, String naming) {
        return s.send(HttpRequest.newBuilder(s.uri("/api/v1/documents?name=" + name + naming))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), s.writeToken);
    }

    private static Reply upload(ApiClient s, String name, String body, String naming) {
        return upload(s, name, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), naming);
    }

    private static JsonNode document(ApiClient s, String content) {
        Reply reply = s.get("/api/v1/documents/" + TestBoms.digest(content), s.readToken);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUploadIsAboutTheReleaseItNamesAndReplacesTheOlderDocumentWhenAsked(Kind kind) {
        RunningServer s = servers.start(TestStores.fresh(kind, tmp), tmp.resolve("spool"));
        String first = frontend(7);
        String second = frontend(8);
        assertThat(upload(s, "first.cdx.json", first, NAMED).status()).isEqualTo(201);
        JsonNode stored = document(s, first);
        assertThat(stored.path("application").asText()).as("not its subject's pkg:generic/acme/frontend")
                .isEqualTo(APP);
        assertThat(stored.path("release").asText()).as("not its subject's version 7").isEqualTo(RELEASE);

        Reply replacing = upload(s, "second.cdx.json", second, NAMED + "&replace=true");
        assertThat(replacing.status()).as(replacing.text()).isEqualTo(201);
        assertThat(document(s, first).path("superseded_by").asText())
                .as("the same release by the same (no) producer: replaced").isEqualTo(TestBoms.digest(second));
        assertThat(document(s, second).path("superseded_by").isNull()).isTrue();

        String third = frontend(9);
        assertThat(upload(s, "third.cdx.json", third, "").status()).isEqualTo(201);
        assertThat(document(s, third).path("application").asText()).as("an upload that names nothing: its subject")
                .isEqualTo("pkg:generic/acme/frontend");
        assertThat(document(s, third).path("release").asText()).isEqualTo("9");

        JsonNode applications = s.get("/api/v1/applications", s.readToken).body().path("items");
        JsonNode billing = null;
        for (JsonNode a : applications) {
            billing = a.path("application").asText().equals(APP) ? a : billing;
        }
        assertThat(billing).as(applications.toString()).isNotNull();
        assertThat(billing.path("releases")).singleElement().satisfies(r -> {
            assertThat(r.path("release").asText()).isEqualTo(RELEASE);
            assertThat(r.path("documents")).extracting(JsonNode::asText).containsExactly(TestBoms.digest(second));
            assertThat(r.path("superseded")).extracting(JsonNode::asText).containsExactly(TestBoms.digest(first));
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArchivesJobNamesEveryDocumentInIt(Kind kind) throws Exception {
        RunningServer s = servers.start(TestStores.fresh(kind, tmp), tmp.resolve("spool"));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("seven.cdx.json", frontend(7));
        entries.put("eight.cdx.json", frontend(8));
        Reply accepted = upload(s, "boms.zip", TestBoms.zip(entries), NAMED);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode job = s.awaitJob(accepted.body().path("id").asText());
        assertThat(job.path("result").path("ingested").asInt()).as(job.toString()).isEqualTo(2);
        for (String content : entries.values()) {
            JsonNode stored = document(s, content);
            assertThat(stored.path("application").asText() + " " + stored.path("release").asText())
                    .isEqualTo(APP + " " + RELEASE);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReleaseWithoutItsApplicationIsRefusedBeforeTheBodyIsRead(Kind kind) {
        RunningServer s = servers.start(TestStores.fresh(kind, tmp), tmp.resolve("spool"));
        Reply refused = upload(s, "a.cdx.json", frontend(7), "&release=" + RELEASE);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith(Problems.MEDIA_TYPE);
        assertThat(refused.body().path("detail").asText())
                .isEqualTo("release names a release of an application: give app");
        Reply unclear = upload(s, "a.cdx.json", frontend(7), "&app=" + APP + "&replace=perhaps");
        assertThat(unclear.status()).isEqualTo(400);
        assertThat(unclear.body().path("detail").asText()).contains("replace must be true or false");
        assertThat(s.get("/api/v1/documents", s.readToken).body().path("total").asInt()).isZero();
    }

    @Test
    void aQueuedUploadCarriesItsNamingToTheWorker() throws Exception {
        String database = TestStores.fresh(Kind.POSTGRESQL, tmp);
        QueueOptions queue = queues.fresh(Duration.ofSeconds(2));
        RunningServer s = servers.start(database, tmp.resolve("spool"), o -> o.withQueue(queue));
        String first = frontend(7);
        String second = frontend(8);
        try (ThreadWorker worker = new ThreadWorker(database, queue, "worker-1")) {
            Reply accepted = upload(s, "first.cdx.json", first, NAMED);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            assertThat(s.awaitJob(accepted.body().path("id").asText()).path("state").asText()).isEqualTo("done");
            Reply replacing = upload(s, "second.cdx.json", second, NAMED + "&replace=true");
            assertThat(s.awaitJob(replacing.body().path("id").asText()).path("state").asText()).isEqualTo("done");
        }
        JsonNode stored = document(s, second);
        assertThat(stored.path("application").asText() + " " + stored.path("release").asText())
                .isEqualTo(APP + " " + RELEASE);
        assertThat(document(s, first).path("superseded_by").asText()).isEqualTo(TestBoms.digest(second));
    }
}
