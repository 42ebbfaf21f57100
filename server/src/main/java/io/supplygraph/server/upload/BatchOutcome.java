package io.supplygraph.server.upload;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.analysis.view.IngestOutcome.Status;
import java.util.List;

/** What became of every document of a batch upload: the result a job's URL shows once the job is done. */
@JsonPropertyOrder({"ingested", "already_ingested", "rejected", "not_attempted", "store_failure", "documents"})
public record BatchOutcome(int ingested, int alreadyIngested, int rejected, int notAttempted, String storeFailure,
        List<IngestOutcome> documents) {

    static BatchOutcome of(List<IngestOutcome> documents, String storeFailure) {
        return new BatchOutcome(count(documents, Status.INGESTED), count(documents, Status.ALREADY_INGESTED),
                count(documents, Status.REJECTED), count(documents, Status.NOT_ATTEMPTED), storeFailure, documents);
    }

    private static int count(List<IngestOutcome> documents, Status status) {
        return (int) documents.stream().filter(d -> d.status() == status).count();
    }
}
