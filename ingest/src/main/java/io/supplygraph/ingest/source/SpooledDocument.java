package io.supplygraph.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Bytes that could only be read once (decompressed data, an archive entry, stdin), copied so that they
 * can be read again: in memory while small, else in a temporary file with a random name that
 * {@link #close()} deletes. The copy is checked against the {@link SourceBudget} as it grows.
 */
final class SpooledDocument implements LocalDocument {

    /** Up to this size a document stays in memory; most SBOMs are smaller. */
    static final int IN_MEMORY_LIMIT = 4 << 20;

    private final String name;
    private final byte[] bytes;
    private final Path file;
    private final long size;

    private SpooledDocument(String name, byte[] bytes, Path file, long size) {
        this.name = name;
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /**
     * Copies {@code in} to the end. A decompressing stream tells through {@link InputStreamStatistics}
     * how much compressed input it has read, for the ratio check; any other stream counts as stored.
     */
    static SpooledDocument copy(String name, InputStream in, SourceBudget budget, TempFolder temp)
            throws IOException {
        LongSupplier compressedBytes = in instanceof InputStreamStatistics statistics
                ? statistics::getCompressedCount
                : null;
        byte[] buffer = temp.copyBuffer;
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        Path file = null;
        OutputStream out = memory;
        long size = 0;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                budget.take(n, size, compressedBytes == null ? size : compressedBytes.getAsLong());
                if (file == null && size > IN_MEMORY_LIMIT) {
                    file = temp.newFile();
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, n);
            }
            out.close();
            return file == null
                    ? new SpooledDocument(name, memory.toByteArray(), null, size)
                    : new SpooledDocument(name, null, file, size);
        } catch (IOException | RuntimeException e) {
            out.close();
            delete(file);
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    @Override
    public SeekableByteChannel channel() throws IOException {
        return bytes != null ? new SeekableInMemoryByteChannel(bytes) : Files.newByteChannel(file);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary copy " + file, e);
        }
    }
}
