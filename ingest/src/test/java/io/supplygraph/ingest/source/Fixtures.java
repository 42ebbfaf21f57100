package io.supplygraph.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Writes test inputs with the real compressors and archivers, streaming, so large bombs stay cheap. */
final class Fixtures {

    private Fixtures() {}

    enum Compressor {
        GZIP, BZIP2, XZ, ZSTD;

        OutputStream wrap(OutputStream out) throws IOException {
            return switch (this) {
                case GZIP -> new GzipCompressorOutputStream(out);
                case BZIP2 -> new BZip2CompressorOutputStream(out);
                case XZ -> new XZCompressorOutputStream(out);
                case ZSTD -> new ZstdCompressorOutputStream(out);
            };
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] compress(Compressor compressor, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compressor.wrap(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    /** A zip of the given entries, in the given order; an entry name ending in "/" is a directory. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** {@code count} bytes of zeros, the best case for a decompression bomb. */
    static void zeros(OutputStream out, long count) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long left = count; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    static Path zipBomb(Path file, long zeros) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putArchiveEntry(new ZipArchiveEntry("zeros.json"));
            zeros(zip, zeros);
            zip.closeArchiveEntry();
        }
        return file;
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, content);
    }
}
