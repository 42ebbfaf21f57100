package io.supplygraph.ingest.sbom;

import io.supplygraph.ingest.DocumentRejectedException;
import java.io.IOException;
import java.io.InputStream;

/** One SBOM format. Implementations stream: they never hold the whole document, only what it refers back to. */
public interface SbomParser {

    /**
     * Reads one document and reports it to {@code sink}. Throws {@link DocumentRejectedException} with a
     * reason a user can act on (with line and column where the format has them) when the document as a
     * whole cannot be read; a bad entry inside a readable document is a {@link SbomSink#warning} instead.
     */
    void parse(InputStream in, SbomSink sink) throws IOException, DocumentRejectedException;
}
