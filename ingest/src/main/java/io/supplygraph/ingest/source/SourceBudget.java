package io.supplygraph.ingest.source;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * What one source file (with everything nested in it) has used of the {@link SourceLimits}. Checked
 * while bytes are being decompressed, so a bomb is stopped after a few megabytes, not after the disk
 * is full.
 */
final class SourceBudget {

    private final SourceLimits limits;
    private long totalBytes;
    private int entries;

    SourceBudget(SourceLimits limits) {
        this.limits = limits;
    }

    SourceLimits limits() {
        return limits;
    }

    /**
     * Refuses, before any entry is read, an archive whose directory lists more entries than the source has left;
     * {@code listed} is empty when the archive has no directory to count.
     */
    void expectEntries(OptionalLong listed) throws SourceRejection {
        if (listed.isPresent() && listed.getAsLong() > entriesLeft()) {
            throw SourceRejection.ofWholeSource("archive has more than " + count(limits.maxArchiveEntries())
                    + " entries (limit maxArchiveEntries); refused before reading any");
        }
    }

    /** How many more archive entries the source may hold. */
    long entriesLeft() {
        return limits.maxArchiveEntries() - (long) entries;
    }

    void countEntry() throws SourceRejection {
        entries++;
        if (entries > limits.maxArchiveEntries()) {
            throw SourceRejection.ofWholeSource("archive has more than " + count(limits.maxArchiveEntries())
                    + " entries (limit maxArchiveEntries); stopped there");
        }
    }

    /**
     * Takes {@code more} bytes just unpacked into a document that now holds {@code documentBytes}, from
     * {@code compressedBytes} bytes of its compressed form.
     */
    void take(long more, long documentBytes, long compressedBytes) throws SourceRejection {
        totalBytes += more;
        if (documentBytes > limits.maxDocumentBytes()) {
            throw SourceRejection.ofDocument("document is larger than the " + bytes(limits.maxDocumentBytes())
                    + " limit (maxDocumentBytes); stopped after unpacking " + bytes(documentBytes));
        }
        if (totalBytes > limits.maxTotalBytes()) {
            throw SourceRejection.ofWholeSource("source expands to more than the " + bytes(limits.maxTotalBytes())
                    + " limit (maxTotalBytes); stopped after unpacking " + bytes(totalBytes));
        }
        if (documentBytes > SourceLimits.RATIO_CHECK_FLOOR
                && documentBytes > Math.max(compressedBytes, 1) * limits.maxCompressionRatio()) {
            throw SourceRejection.ofDocument("compression ratio above " + limits.maxCompressionRatio()
                    + ":1 (limit maxCompressionRatio), a likely decompression bomb; stopped after unpacking "
                    + bytes(documentBytes) + " from " + bytes(compressedBytes));
        }
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        return count(n) + " bytes";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
