package io.supplygraph.ingest.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * One document found in the sources, decompressed and re-readable: the caller may open it once to hash
 * it and again to parse it. It is valid only while {@link SourceVisitor#accept} runs; the walk closes
 * it afterwards, which deletes any temporary copy.
 */
public interface SourceDocument extends AutoCloseable {

    /** The name shown to the user: the path as given, {@code bundle.zip!/sboms/a.json}, or {@code <stdin>}. */
    String name();

    /** A fresh stream over the document's decompressed bytes, from the start. */
    InputStream open() throws IOException;

    /** The number of bytes {@link #open()} yields. */
    long size();

    @Override
    void close();
}
