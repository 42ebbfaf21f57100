package io.supplygraph.ingest.source;

/**
 * How much a walk over sources may unpack, so that a hostile archive cannot fill the disk or keep the
 * machine busy. Totals and entry counts are counted per source file given or found (an archive with
 * everything nested in it), so one bad bundle does not stop the files beside it.
 *
 * @param maxDocumentBytes    the most bytes one document may have, after decompression
 * @param maxTotalBytes       the most bytes one source file may expand to, over all its entries and layers
 * @param maxArchiveEntries   the most archive entries one source file may hold, nested archives included
 * @param maxCompressionRatio the most uncompressed bytes per compressed byte, checked once a layer has
 *                            produced more than {@link #RATIO_CHECK_FLOOR} bytes (small JSON compresses well)
 * @param maxNestingDepth     the most layers of compression and archives around one document
 */
public record SourceLimits(long maxDocumentBytes, long maxTotalBytes, int maxArchiveEntries,
                           int maxCompressionRatio, int maxNestingDepth) {

    /** Below this many uncompressed bytes the ratio is not checked: 8 MiB cannot hurt anyone. */
    public static final long RATIO_CHECK_FLOOR = 8L << 20;

    public SourceLimits {
        if (maxDocumentBytes <= 0 || maxTotalBytes <= 0 || maxArchiveEntries <= 0
                || maxCompressionRatio <= 0 || maxNestingDepth < 0) {
            throw new IllegalArgumentException("source limits must be positive");
        }
    }

    /** 1 GiB per document, 8 GiB per source, 100,000 entries, 100:1, three layers deep. */
    public static SourceLimits defaults() {
        return new SourceLimits(1L << 30, 8L << 30, 100_000, 100, 3);
    }
}
