package io.supplygraph.ingest.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.RecordingSink;
import io.supplygraph.ingest.sbom.SbomParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs a parser over a hand-written document, for the tests of both syntaxes. */
final class Parsing {

    private Parsing() {}

    static RecordingSink parse(SbomParser parser, String document) throws IOException, DocumentRejectedException {
        RecordingSink sink = new RecordingSink();
        parser.parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), sink);
        assertFalse(sink.reportedBeforeDocument(), "reported something before document()");
        return sink;
    }

    /** Asserts the document is rejected with a reason containing {@code expectedInReason}, and returns the reason. */
    static String assertRejected(SbomParser parser, String expectedInReason, String document) {
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> parser.parse(
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), new RecordingSink()));
        assertTrue(e.getMessage().contains(expectedInReason), e::getMessage);
        return e.getMessage();
    }
}
