package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server told to stop (SIGTERM, as a deployment's rollout sends it) finishes the upload it is ingesting and
 * answers it before it exits: a client whose upload was accepted is not left with a cut connection.
 */
class SigtermDrainTest {

    /** About 20 MB: an upload that takes seconds, so the signal surely lands while it is in flight. */
    private static final int COMPONENTS = 100_000;
    /** The server's drain time (30 s), plus the JVM's own exit. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(40);
    private static final Pattern UPLOADS_IN_FLIGHT =
            Pattern.compile("supplygraph_ingest_queue_depth\\{queue=\"uploads\"} (\\d+)");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sigtermLetsTheUploadInFlightFinishAndThenExitsCleanly(Kind kind) throws Exception {
        String database = TestStores.fresh(kind, tmp);
        Path bom = LargeBom.write(tmp.resolve("large.cdx.json"), COMPONENTS);
        try (ServerProcess server = ServerProcess.start("drain-" + kind, database, tmp.resolve("spool"),
                List.of("-Xmx512m"), tmp.resolve("logs"))) {
            CompletableFuture<Reply> upload = CompletableFuture.supplyAsync(() -> server.upload(bom,
                    server.writeToken));
            awaitUploadInFlight(server, upload);

            server.terminate();

            Reply reply = upload.get(DRAIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
            assertThat(reply.body().path("components").asInt()).isEqualTo(COMPONENTS);
            assertThat(server.exitWithin(DRAIN_LIMIT)).as(server.output()).contains(0);
        }
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.documents()).extracting(Document::components).containsExactly(COMPONENTS);
        }
    }

    /** Until the server counts the upload as its own: from then on a stop has to wait for it. */
    private static void awaitUploadInFlight(ServerProcess server, CompletableFuture<Reply> upload)
            throws InterruptedException {
        while (!upload.isDone()) {
            Matcher depth = UPLOADS_IN_FLIGHT.matcher(server.get("/metrics").text());
            if (depth.find() && Integer.parseInt(depth.group(1)) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the upload was answered before the test could stop the server: "
                + upload.join().text());
    }
}
