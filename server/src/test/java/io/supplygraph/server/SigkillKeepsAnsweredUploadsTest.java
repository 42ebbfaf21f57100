package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 2xx is a promise that survives the server: a server killed with SIGKILL (no shutdown hook, nothing flushed)
 * right after it answered has lost none of what it answered for once a new server runs on the same database and
 * spool. A 201 means the document was committed; a 202 means the archive's bytes are on disk and its job is
 * recorded, and the new server resumes that job.
 */
class SigkillKeepsAnsweredUploadsTest {

    private static final int UPLOADERS = 4;
    /** Singles answered before the archive is sent: enough that some commit while others are in flight. */
    private static final int SINGLES_BEFORE_ARCHIVE = 24;
    /** Large enough that its job cannot finish between its 202 and the kill. */
    private static final int ARCHIVE_DOCUMENTS = 150;
    private static final int ARCHIVE_COMPONENTS = 40;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyUploadAnswered2xxIsThereAfterAKillAndARestart(Kind kind) throws Exception {
        String database = TestStores.fresh(kind, tmp);
        Path spool = tmp.resolve("spool");
        List<String> promised = Collections.synchronizedList(new ArrayList<>());
        String jobId;
        try (ServerProcess first = ServerProcess.start("first-" + kind, database, spool, List.of(),
                tmp.resolve("logs"))) {
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
            for (int u = 0; u < UPLOADERS; u++) {
                int uploader = u;
                uploaders.submit(() -> uploadUntilKilled(first, uploader, promised, killed));
            }
            while (promised.size() < SINGLES_BEFORE_ARCHIVE) {
                Thread.sleep(10);
            }
            Reply accepted = first.upload("archive.zip", archive(), first.writeToken);
            first.kill();
            killed.set(true);
            uploaders.shutdown();
            assertThat(uploaders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            jobId = accepted.body().path("id").asText();
        }
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.jobs().get(jobId).state()).as("the job was still to do when the server died")
                    .isNotEqualTo(Jobs.State.DONE);
        }

        try (ServerProcess second = ServerProcess.start("second-" + kind, database, spool, List.of(),
                tmp.resolve("logs"))) {
            JsonNode job = second.awaitJob(jobId);
            assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
            assertThat(job.path("result").path("rejected").asInt()).isZero();
            assertThat(job.path("result").path("ingested").asInt() + job.path("result").path("already_ingested")
                    .asInt()).isEqualTo(ARCHIVE_DOCUMENTS);
            for (int i = 0; i < ARCHIVE_DOCUMENTS; i++) {
                promised.add(TestBoms.digest(archived(i)));
            }
            for (String digest : promised) {
                Reply document = second.get("/api/v1/documents/" + digest, second.readToken);
                assertThat(document.status()).as(digest + " was answered 2xx before the kill").isEqualTo(200);
            }
        }
    }

    /**
     * Uploads single documents one after another until the server dies, recording the digest of each answered
     * 201: an upload cut by the kill was never promised.
     */
    private static void uploadUntilKilled(ApiClient server, int uploader, List<String> promised,
            AtomicBoolean killed) {
        for (int i = 0; !killed.get(); i++) {
            String bom = TestBoms.generated("single-" + uploader, i, 15);
            Reply reply;
            try {
                reply = server.upload("single-" + uploader + "-" + i + ".cdx.json", bom, server.writeToken);
            } catch (UncheckedIOException cut) {
                return;
            }
            if (reply.status() == 201) {
                promised.add(TestBoms.digest(bom));
            }
        }
    }

    private static byte[] archive() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < ARCHIVE_DOCUMENTS; i++) {
            entries.put("archived-" + i + ".cdx.json", archived(i));
        }
        return TestBoms.zip(entries);
    }

    private static String archived(int index) {
        return TestBoms.generated("archived", index, ARCHIVE_COMPONENTS);
    }
}
