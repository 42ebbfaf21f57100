package io.supplygraph.server.upload;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.analysis.view.IngestOutcome.Status;
import io.supplygraph.ingest.IngestOptions;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.ReleaseNaming;
import io.supplygraph.ingest.osv.OsvImporter;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** What became of every document of a batch upload: the result a job's URL shows once the job is done. */
@JsonPropertyOrder({"ingested", "already_ingested", "rejected", "not_attempted", "store_failure", "documents"})
public record BatchOutcome(int ingested, int alreadyIngested, int rejected, int notAttempted, String storeFailure,
        List<IngestOutcome> documents) {

    /**
     * Ingests a job's files (all in one folder), documents as {@code ingest} reads them and advisories as
     * {@code osv import} does, each recorded under the name it was uploaded with and about the application and
     * release {@code naming} says.
     */
    public static BatchOutcome ingest(Supplygraph graph, Jobs.Kind kind, List<Path> files, ReleaseNaming naming) {
        if (files.isEmpty()) {
            return of(List.of(), null);
        }
        IngestOptions options = kind == Jobs.Kind.ADVISORIES ? OsvImporter.options() : IngestOptions.defaults();
        Outcomes outcomes = new Outcomes();
        IngestSummary summary = graph.ingest(files.stream().map(Path::toString).toList(),
                InputStream.nullInputStream(), outcomes,
                options.withSourceNames(Spool.uploadNames(files.get(0))).withNaming(naming));
        return of(outcomes.all(), summary.storeFailure());
    }

    static BatchOutcome of(List<IngestOutcome> documents, String storeFailure) {
        return new BatchOutcome(count(documents, Status.INGESTED), count(documents, Status.ALREADY_INGESTED),
                count(documents, Status.REJECTED), count(documents, Status.NOT_ATTEMPTED), storeFailure, documents);
    }

    private static int count(List<IngestOutcome> documents, Status status) {
        return (int) documents.stream().filter(d -> d.status() == status).count();
    }
}
