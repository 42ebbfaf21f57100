package io.supplygraph.ingest.vex;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a whole VEX document into a JSON tree. VEX documents are read whole, unlike SBOMs: their statements
 * refer to a product tree or document fields that may come after them, and even a large Red Hat CSAF file is a
 * few megabytes. The limits still make hostile input fail fast.
 */
final class VexTrees {

    private static final ObjectMapper MAPPER = new ObjectMapper(ReadLimits.json()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build());

    private VexTrees() {}

    /** The document's root object; {@code what} names the format in a rejection. */
    static JsonNode read(InputStream in, String what) throws IOException, DocumentRejectedException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new DocumentRejectedException(ReadLimits.jsonFailure(e, where), e);
        }
        if (root == null || !root.isObject()) {
            throw new DocumentRejectedException("not " + what + ": the document is not a JSON object");
        }
        return root;
    }
}
