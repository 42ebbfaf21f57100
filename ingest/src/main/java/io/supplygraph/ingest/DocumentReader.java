package io.supplygraph.ingest;

import io.supplygraph.model.fact.Facts;
import java.io.IOException;
import java.io.InputStream;

/** Reads one kind of document into the facts it asserts: parse, and resolve what the format names locally. */
public interface DocumentReader {

    /**
     * @param in   the document's bytes; the reader may stop before their end
     * @param name the document's file name, for a subject the document does not name itself
     */
    Facts read(InputStream in, String name) throws IOException, DocumentRejectedException;
}
