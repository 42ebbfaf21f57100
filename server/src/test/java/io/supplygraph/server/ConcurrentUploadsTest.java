package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many CI jobs uploading at once, as an organisation's pipelines do: eight clients, a hundred distinct SBOMs each,
 * all sent together. Every one is stored once and whole, whatever the interleaving.
 */
class ConcurrentUploadsTest {

    private static final int CLIENTS = 8;
    private static final int PER_CLIENT = 100;

    @TempDir
    Path tmp;

    /** What one upload sent: its bytes' digest and how many components it lists. */
    private record Sent(String digest, int components) {}

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eightClientsUploadingAtOnceStoreEveryDocumentWhole(Kind kind) throws Exception {
        try (RunningServer server = RunningServer.start(TestStores.fresh(kind, tmp), tmp.resolve("spool"))) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<Sent>>> uploads = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client * PER_CLIENT;
                uploads.add(clients.submit(() -> uploadEach(server, first)));
            }
            List<Sent> sent = new ArrayList<>();
            for (Future<List<Sent>> upload : uploads) {
                sent.addAll(upload.get());
            }
            clients.shutdown();

            Map<String, Integer> expected = new HashMap<>();
            sent.forEach(s -> expected.put(s.digest(), s.components()));
            assertThat(expected).as("the generator makes distinct documents").hasSize(CLIENTS * PER_CLIENT);

            JsonNode documents = server.get("/api/v1/documents?limit=1000", server.readToken).body();
            assertThat(documents.path("total").asInt()).isEqualTo(CLIENTS * PER_CLIENT);
            Map<String, Integer> stored = new HashMap<>();
            documents.path("items").forEach(d -> stored.put(d.path("digest").asText(),
                    d.path("components").asInt()));
            assertThat(stored).isEqualTo(expected);

            JsonNode stats = server.get("/api/v1/stats", server.readToken).body();
            assertThat(stats.path("documents").asLong()).isEqualTo(CLIENTS * PER_CLIENT);
            assertThat(stats.path("components").asLong())
                    .isEqualTo(sent.stream().mapToLong(Sent::components).sum());
            assertThat(stats.path("edges").asLong()).as("the subject depends on each of its components")
                    .isEqualTo(sent.stream().mapToLong(Sent::components).sum());
            assertThat(stats.path("versions").asLong()).as("every library version and every subject, once")
                    .isEqualTo(distinctVersions(sent.size()));
        }
    }

    /** One client's uploads, one after another, as a CI job pushes its SBOMs. */
    private static List<Sent> uploadEach(ApiClient server, int first) throws InterruptedException {
        List<Sent> sent = new ArrayList<>();
        for (int index = first; index < first + PER_CLIENT; index++) {
            int components = components(index);
            String bom = TestBoms.generated("concurrent", index, components);
            String name = "app-" + index + ".cdx.json";
            Reply reply = server.uploadPolitely(name, bom, server.writeToken);
            assertThat(reply.status()).as(name + ": " + reply.text()).isEqualTo(201);
            assertThat(reply.body().path("components").asInt()).as(name).isEqualTo(components);
            sent.add(new Sent(TestBoms.digest(bom), components));
        }
        return sent;
    }

    /** 10 to 20 components, varied so that a document stored with another's count would show. */
    private static int components(int index) {
        return 10 + index % 11;
    }

    private static int distinctVersions(int documents) {
        Set<String> purls = new HashSet<>();
        for (int index = 0; index < documents; index++) {
            TestBoms.libraries(index, components(index)).forEach(purls::add);
        }
        return purls.size() + documents;
    }
}
