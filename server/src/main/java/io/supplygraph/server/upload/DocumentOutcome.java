package io.supplygraph.server.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.supplygraph.ingest.DocumentRecord;
import java.util.List;

/**
 * What became of one uploaded document, with the fields and status words of {@code supplygraph ingest --json}:
 * {@code ingested}, {@code already-ingested}, {@code rejected} or {@code not-attempted}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source", "status", "digest", "format", "components", "warnings", "warning_messages", "trust",
    "signer", "trust_reason", "reason"})
public record DocumentOutcome(String source, String status, String digest, String format, Integer components,
        Integer warnings, @JsonProperty("warning_messages") List<String> warningMessages, String trust, String signer,
        @JsonProperty("trust_reason") String trustReason, String reason) {

    public static final String INGESTED = "ingested";
    public static final String ALREADY_INGESTED = "already-ingested";
    public static final String REJECTED = "rejected";
    public static final String NOT_ATTEMPTED = "not-attempted";

    static DocumentOutcome stored(String source, DocumentRecord r) {
        List<String> messages = r.facts().warnings();
        return new DocumentOutcome(source, INGESTED, r.digest(), r.format().label(), r.facts().componentCount(),
                messages.size(), List.copyOf(messages), r.trust().label(), r.trust().signer(), r.trust().reason(),
                null);
    }

    static DocumentOutcome alreadyStored(String source, String digest) {
        return new DocumentOutcome(source, ALREADY_INGESTED, digest, null, null, null, null, null, null, null, null);
    }

    static DocumentOutcome rejected(String source, String reason) {
        return new DocumentOutcome(source, REJECTED, null, null, null, null, null, null, null, null, reason);
    }

    static DocumentOutcome notAttempted(String source) {
        return new DocumentOutcome(source, NOT_ATTEMPTED, null, null, null, null, null, null, null, null, null);
    }
}
