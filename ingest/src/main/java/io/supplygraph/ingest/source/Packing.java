package io.supplygraph.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** How a file's bytes are wrapped, told by their first bytes: a file's extension is only a hint. */
enum Packing {
    GZIP("gzip"),
    BZIP2("bzip2"),
    XZ("xz"),
    ZSTD("zstd"),
    ZIP("zip"),
    TAR("tar"),
    PLAIN("plain");

    /** Enough for every signature below: tar's "ustar" sits at offset 257. */
    static final int SNIFF_BYTES = 512;

    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] BZIP2_MAGIC = {'B', 'Z', 'h'};
    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
    private static final byte[] TAR_MAGIC = "ustar".getBytes(StandardCharsets.US_ASCII);
    private static final int TAR_MAGIC_OFFSET = 257;

    private final String label;

    Packing(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean isCompression() {
        return this == GZIP || this == BZIP2 || this == XZ || this == ZSTD;
    }

    static Packing sniff(SourceDocument document) throws IOException {
        try (InputStream in = document.open()) {
            return of(in.readNBytes(SNIFF_BYTES));
        }
    }

    static Packing of(byte[] head) {
        if (startsWith(head, 0, GZIP_MAGIC)) {
            return GZIP;
        }
        // "BZh" then the block size digit: plain text starting "BZh" is not mistaken for bzip2
        if (startsWith(head, 0, BZIP2_MAGIC) && head.length > 3 && head[3] >= '1' && head[3] <= '9') {
            return BZIP2;
        }
        if (startsWith(head, 0, XZ_MAGIC)) {
            return XZ;
        }
        if (startsWith(head, 0, ZSTD_MAGIC)) {
            return ZSTD;
        }
        if (startsWith(head, 0, ZIP_MAGIC) || startsWith(head, 0, EMPTY_ZIP_MAGIC)) {
            return ZIP;
        }
        if (startsWith(head, TAR_MAGIC_OFFSET, TAR_MAGIC)) {
            return TAR;
        }
        return PLAIN;
    }

    /** A decompressing stream over {@code compressed}; only for {@link #isCompression()} kinds. */
    InputStream decompress(InputStream compressed) throws IOException {
        return switch (this) {
            // concatenated members are one stream to gzip(1), so they are to us too
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(compressed)
                    .setDecompressConcatenated(true).get();
            case BZIP2 -> new BZip2CompressorInputStream(compressed, true);
            case XZ -> new XZCompressorInputStream(compressed, true);
            case ZSTD -> new ZstdCompressorInputStream(compressed);
            case ZIP, TAR, PLAIN -> throw new IllegalStateException(label + " is not a compression");
        };
    }

    private static boolean startsWith(byte[] head, int offset, byte[] magic) {
        return head.length >= offset + magic.length
                && Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
    }
}
