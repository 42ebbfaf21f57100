package io.supplygraph.server.upload;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** What became of every document of a batch upload: the result a job's URL shows once the job is done. */
@JsonPropertyOrder({"ingested", "already_ingested", "rejected", "not_attempted", "store_failure", "documents"})
public record BatchOutcome(int ingested, @JsonProperty("already_ingested") int alreadyIngested, int rejected,
        @JsonProperty("not_attempted") int notAttempted, @JsonProperty("store_failure") String storeFailure,
        List<DocumentOutcome> documents) {

    static BatchOutcome of(List<DocumentOutcome> documents, String storeFailure) {
        return new BatchOutcome(count(documents, DocumentOutcome.INGESTED),
                count(documents, DocumentOutcome.ALREADY_INGESTED), count(documents, DocumentOutcome.REJECTED),
                count(documents, DocumentOutcome.NOT_ATTEMPTED), storeFailure, documents);
    }

    private static int count(List<DocumentOutcome> documents, String status) {
        return (int) documents.stream().filter(d -> d.status().equals(status)).count();
    }
}
