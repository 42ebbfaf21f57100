package io.supplygraph.ingest.source;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * A source cannot be read, for a reason written for the user. An {@link IOException} so that it can
 * leave the middle of a stream copy; {@code wholeSource} says whether the whole source file is spent
 * (a total or entry-count limit) or only the current document or entry.
 */
final class SourceRejection extends IOException {

    private final boolean wholeSource;

    private SourceRejection(String reason, boolean wholeSource) {
        super(reason);
        this.wholeSource = wholeSource;
    }

    static SourceRejection ofDocument(String reason) {
        return new SourceRejection(reason, false);
    }

    static SourceRejection ofWholeSource(String reason) {
        return new SourceRejection(reason, true);
    }

    boolean wholeSource() {
        return wholeSource;
    }

    /** The reason to show for any failure to read a source. */
    static String reasonOf(IOException e) {
        if (e instanceof SourceRejection) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof EOFException) {
            return "truncated: unexpected end of data";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
