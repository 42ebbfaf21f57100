package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An upload is streamed to the spool and ingested as a stream, never held whole: a ~100 MB SBOM goes into a server
 * whose heap is 512 MB, as the CLI ingests one.
 */
class LargeUploadUnderSmallHeapTest {

    /** About 105 MB with {@link LargeBom}'s components. */
    private static final int COMPONENTS = 450_000;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aHundredMegabyteSbomIsIngestedByAServerWithA512MegabyteHeap(Kind kind) throws Exception {
        String database = TestStores.fresh(kind, tmp);
        Path bom = LargeBom.write(tmp.resolve("large.cdx.json"), COMPONENTS);
        assertThat(Files.size(bom)).as("the size the test claims").isGreaterThan(95L << 20);
        try (ServerProcess server = ServerProcess.start("large-" + kind, database, tmp.resolve("spool"),
                List.of("-Xmx512m"), tmp.resolve("logs"))) {
            Reply reply = server.upload(bom, server.writeToken);

            assertThat(reply.status()).as(reply.text() + "\n" + server.output()).isEqualTo(201);
            assertThat(reply.body().path("components").asInt()).isEqualTo(COMPONENTS);
            assertThat(server.process.isAlive()).as("the server lives on").isTrue();
        }
    }
}
