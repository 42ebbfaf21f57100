package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.access.Scope;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers behind a load balancer share one PostgreSQL database and nothing else: whichever server took an upload,
 * every server answers with it, and a token is good on all of them. (SQLite is one machine's file: not a setup
 * for several servers.)
 */
class ServersSharingOneDatabaseTest {

    private static final int PER_SERVER = 20;
    private static final String SHARED_LIBRARY = "pkg:maven/org.example/lib-0";

    @TempDir
    Path tmp;

    @Test
    void twoServersOnOnePostgresqlDatabaseAnswerWithWhatEitherTook() throws Exception {
        String database = TestStores.fresh(Kind.POSTGRESQL, tmp);
        String token;
        try (Supplygraph graph = Supplygraph.open(database)) {
            token = graph.tokens().create("ci", Scope.WRITE).secret();
        }
        try (RunningServer a = RunningServer.start(database, tmp.resolve("spool-a"), o -> o.withAnonymousRead(false));
                RunningServer b = RunningServer.start(database, tmp.resolve("spool-b"),
                        o -> o.withAnonymousRead(false))) {
            CompletableFuture<List<String>> toA = CompletableFuture.supplyAsync(() -> uploadEach(a, token, 0));
            CompletableFuture<List<String>> toB = CompletableFuture.supplyAsync(() -> uploadEach(b, token, 1));
            Set<String> uploaded = new HashSet<>(toA.get());
            uploaded.addAll(toB.get());
            assertThat(uploaded).hasSize(2 * PER_SERVER);

            for (RunningServer server : List.of(a, b)) {
                assertThat(digests(server.get("/api/v1/documents?limit=1000", token).body()))
                        .as("documents on " + server.uri("/")).isEqualTo(uploaded);
                JsonNode dependents = server.get("/api/v1/dependents?limit=1000&purl="
                        + ApiClient.encode(SHARED_LIBRARY), token).body();
                assertThat(dependents.path("total").asInt()).as("dependents on " + server.uri("/"))
                        .isEqualTo(applicationsWithSharedLibrary());
            }
            assertThat(a.get("/api/v1/stats", token).body()).isEqualTo(b.get("/api/v1/stats", token).body());

            Reply accepted = a.upload("later.zip", TestBoms.zip(Map.of("later.cdx.json",
                    TestBoms.generated("later", 0, 10))), token);
            assertThat(accepted.status()).isEqualTo(202);
            JsonNode job = b.awaitJob(accepted.body().path("id").asText());
            assertThat(job.path("state").asText()).as("a job taken by one server, followed on another")
                    .isEqualTo("done");
            assertThat(job.path("result").path("ingested").asInt()).isEqualTo(1);
            try (Supplygraph graph = Supplygraph.open(database)) {
                assertThat(graph.tokens().revoke("ci")).isTrue();
            }
            assertThat(a.get("/api/v1/stats", token).status()).as("revoked on one, refused by all").isEqualTo(401);
            assertThat(b.get("/api/v1/stats", token).status()).isEqualTo(401);
        }
    }

    /** Uploads this server's share: the documents of one parity, so that the two servers' shares interleave. */
    private static List<String> uploadEach(ApiClient server, String token, int parity) {
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < PER_SERVER; i++) {
            int index = 2 * i + parity;
            String bom = TestBoms.generated("shared", index, 12);
            Reply reply;
            try {
                reply = server.uploadPolitely("app-" + index + ".cdx.json", bom, token);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
            digests.add(reply.body().path("digest").asText());
        }
        return digests;
    }

    private static int applicationsWithSharedLibrary() {
        int count = 0;
        for (int index = 0; index < 2 * PER_SERVER; index++) {
            if (TestBoms.libraries(index, 12).stream().anyMatch(p -> p.startsWith(SHARED_LIBRARY + "@"))) {
                count++;
            }
        }
        return count;
    }

    private static Set<String> digests(JsonNode listing) {
        Set<String> digests = new HashSet<>();
        listing.path("items").forEach(d -> digests.add(d.path("digest").asText()));
        return digests;
    }
}
