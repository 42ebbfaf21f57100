package io.supplygraph.ingest.source;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/** A document whose bytes sit on this machine, so that a zip's central directory can be read from it. */
sealed interface LocalDocument extends SourceDocument permits FileDocument, SpooledDocument {

    /** A fresh random-access channel over the bytes of {@link #open()}. */
    SeekableByteChannel channel() throws IOException;
}
