package io.supplygraph.ingest.verify;

import io.supplygraph.model.Trust;

/**
 * What a signed document hands to the parser of its payload: the payload's type (e.g.
 * {@code application/vnd.in-toto+json}), its bytes, and whether its signature verified.
 */
public record SignedPayload(String payloadType, byte[] payload, Trust trust) {}
