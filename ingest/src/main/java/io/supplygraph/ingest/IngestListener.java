package io.supplygraph.ingest;

import java.util.List;

/** What happens to each document of a batch, as it happens. Every method has a no-op default. */
public interface IngestListener {

    default void stored(String source, DocumentRecord record) {}

    default void alreadyStored(String source, String digest) {}

    /** The file is of no format the command reads, and its options pass over such files without failing. */
    default void skipped(String source, String reason) {}

    /** The document was not stored; {@code reason} says why, for the user who sent {@code source}. */
    default void rejected(String source, String reason) {}

    /** The document was not stored because the store failed for good before it or with it; it may be sent again. */
    default void notAttempted(String source) {}

    /** The document was stored, but single entries in it were skipped or kept as they were. */
    default void warnings(String source, List<String> warnings) {}
}
