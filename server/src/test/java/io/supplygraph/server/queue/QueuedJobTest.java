package io.supplygraph.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.ingest.ReleaseNaming;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's message as workers of this release and of the one before read it. */
class QueuedJobTest {

    private final ObjectMapper json = Json.mapper();
    private final List<QueuedJob.Document> documents = List.of(new QueuedJob.Document("job-1/0", "app.cdx.json"));

    @Test
    void aNamedUploadsJobCarriesItsNaming() throws Exception {
        ReleaseNaming naming = new ReleaseNaming("billing", "2026.11", true);
        QueuedJob job = new QueuedJob("job-1", Jobs.Kind.DOCUMENTS, "app.cdx.json", "2026-11-30T00:00:00Z",
                documents, List.of(), naming);
        QueuedJob read = json.readValue(json.writeValueAsBytes(job), QueuedJob.class);
        assertThat(read).isEqualTo(job);
        assertThat(read.releaseNaming()).isEqualTo(naming);
    }

    @Test
    void anUploadThatNamesNothingIsTheMessageItWasBefore() throws Exception {
        QueuedJob job = new QueuedJob("job-1", Jobs.Kind.DOCUMENTS, "app.cdx.json", "2026-11-30T00:00:00Z",
                documents, List.of(), ReleaseNaming.FROM_SUBJECTS);
        assertThat(json.readTree(json.writeValueAsBytes(job)).has("naming"))
                .as("so that a worker of the release before reads it too").isFalse();
    }

    @Test
    void aMessageQueuedBeforeNamingExistedIsNamedByItsSubjects() throws Exception {
        String old = """
                {"id":"job-1","kind":"documents","source":"app.cdx.json","created":"2026-11-30T00:00:00Z",
                 "documents":[{"object":"job-1/0","name":"app.cdx.json"}]}
                """;
        QueuedJob read = json.readValue(old, QueuedJob.class);
        assertThat(read.documents()).isEqualTo(documents);
        assertThat(read.keys()).isEmpty();
        assertThat(read.releaseNaming()).isEqualTo(ReleaseNaming.FROM_SUBJECTS);
    }
}
