package io.supplygraph.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.ReleaseNaming;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's naming is on disk with its files, so that a restarted server ingests them as the upload asked. */
class SpoolTest {

    @TempDir
    Path folder;

    private Path received(Spool spool, String name) throws Exception {
        return spool.receive(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), name, 1024);
    }

    @Test
    void aJobsNamingOutlivesARestartAndGoesWithTheJob() throws Exception {
        Spool spool = new Spool(folder);
        ReleaseNaming naming = new ReleaseNaming("billing", "2026.11", true);
        spool.adopt(List.of(received(spool, "a.json"), received(spool, "b.json")), "named", naming);
        spool.adopt(List.of(received(spool, "c.json")), "plain", ReleaseNaming.FROM_SUBJECTS);

        Spool restarted = new Spool(folder);
        restarted.discardUnanswered();
        assertThat(restarted.jobNaming("named")).isEqualTo(naming);
        assertThat(restarted.jobFiles("named").orElseThrow()).as("the naming is no file of the job")
                .extracting(p -> p.getFileName().toString()).containsExactly("a.json", "b.json");
        assertThat(restarted.jobNaming("plain")).isEqualTo(ReleaseNaming.FROM_SUBJECTS);

        restarted.discardJob("named");
        assertThat(restarted.jobFiles("named")).isEmpty();
        assertThat(restarted.jobNaming("named")).isEqualTo(ReleaseNaming.FROM_SUBJECTS);
        try (var left = Files.list(folder.resolve("jobs"))) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("plain");
        }
    }

    @Test
    void aNamingWhoseJobNeverGotItsFilesIsRemovedAtStart() throws Exception {
        Spool spool = new Spool(folder);
        spool.adopt(List.of(received(spool, "a.json")), "kept", new ReleaseNaming("billing", null, false));
        Files.writeString(folder.resolve("jobs").resolve("lost.naming.json"), "{\"application\":\"billing\"}");

        new Spool(folder).discardUnanswered();
        assertThat(Files.exists(folder.resolve("jobs").resolve("lost.naming.json"))).isFalse();
        assertThat(new Spool(folder).jobNaming("kept").application()).isEqualTo("billing");
    }
}
