package io.supplygraph.ingest.recognise;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.DocumentFormat;
import java.util.Optional;

/**
 * Which formats a command reads, told from a document's head: {@code ingest} reads every format the
 * {@link Recogniser} knows, {@code osv import} OSV records only ({@code osv/OsvImporter}). It is what lets the two
 * commands share one pipeline while answering differently about a file that is not theirs.
 */
public interface Recognition {

    /**
     * The format to read the document as, from its first {@code length} bytes (all of them when it is short); empty
     * when it is none this command reads, which the pipeline then rejects or skips as its options say.
     *
     * @throws DocumentRejectedException when the document is recognisably one this command must not read
     */
    Optional<DocumentFormat> recognise(byte[] head, int length) throws DocumentRejectedException;

    /** The reason given for a document that {@link #recognise} left empty. */
    String unrecognised();
}
