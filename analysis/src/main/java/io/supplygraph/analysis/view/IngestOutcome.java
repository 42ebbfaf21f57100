package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.StoreRetries;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;

/**
 * What an ingest did with each document, in the order the documents were read, and last its {@link Summary}:
 * {@code ingest --json}. Each kind carries its {@code status}, second (first in the summary), and only the fields
 * that status has.
 */
public sealed interface IngestOutcome {

    Status status();

    enum Status {
        INGESTED("ingested"),
        ALREADY_INGESTED("already-ingested"),
        REJECTED("rejected"),
        NOT_ATTEMPTED("not-attempted"),
        SUMMARY("summary");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    /** Stored now. */
    @JsonPropertyOrder({"source", "status"})
    record Ingested(String source, String digest, DocumentFormat format, int components, int warnings,
            Trust.State trust, String signer, String trustReason) implements IngestOutcome {

        public static Ingested of(String source, DocumentRecord r) {
            return new Ingested(source, r.digest(), r.format(), r.facts().componentCount(),
                    r.facts().warnings().size(), r.trust().state(), r.trust().signer(), r.trust().reason());
        }

        @Override
        @JsonProperty("status")
        public Status status() {
            return Status.INGESTED;
        }
    }

    /** The same bytes were stored before: nothing changed. */
    @JsonPropertyOrder({"source", "status"})
    record AlreadyIngested(String source, String digest) implements IngestOutcome {
        @Override
        @JsonProperty("status")
        public Status status() {
            return Status.ALREADY_INGESTED;
        }
    }

    @JsonPropertyOrder({"source", "status"})
    record Rejected(String source, String reason) implements IngestOutcome {
        @Override
        @JsonProperty("status")
        public Status status() {
            return Status.REJECTED;
        }
    }

    /** Not stored because the store failed for good first: running the same ingest again stores it. */
    @JsonPropertyOrder({"source", "status"})
    record NotAttempted(String source) implements IngestOutcome {
        @Override
        @JsonProperty("status")
        public Status status() {
            return Status.NOT_ATTEMPTED;
        }
    }

    /**
     * The counts a script checks, the retries by cause included.
     *
     * @param storeFailure why the store failed for good, or null
     */
    @JsonPropertyOrder({"status"})
    record Summary(int ingested, int alreadyIngested, int rejected, int notAttempted, long components, long bytes,
            int retries, int deadlocks, int serializationFailures, int connectionFailures, int busy,
            String storeFailure, int skipped) implements IngestOutcome {

        public static Summary of(IngestSummary s) {
            StoreRetries r = s.retries();
            return new Summary(s.stored(), s.alreadyStored(), s.rejected(), s.notAttempted().size(), s.components(),
                    s.bytes(), r.total(), r.deadlocks(), r.serializationFailures(), r.connectionFailures(), r.busy(),
                    s.storeFailure(), s.skipped());
        }

        @Override
        @JsonProperty("status")
        public Status status() {
            return Status.SUMMARY;
        }
    }
}
