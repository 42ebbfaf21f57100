package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What {@code documents delete} removed: the document's digest, and where it had been ingested from. */
public record DeletedDocument(@JsonProperty("deleted") String digest, String source) {}
