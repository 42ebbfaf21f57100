package io.supplygraph.ingest.source;

import java.io.IOException;

/** Receives what a {@link DocumentSources} walk finds, in a deterministic order. */
public interface SourceVisitor {

    /**
     * One document. An {@link IOException} thrown here (reading the document failed) becomes a
     * {@link #reject} of this document and the walk goes on.
     */
    void accept(SourceDocument document) throws IOException;

    /** A file, entry or argument that could not be read, with a reason written for the user. */
    void reject(String name, String reason);
}
