package io.supplygraph.ingest.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.OptionalLong;

/**
 * Counts a zip's entries by walking its central directory header by header, without building them: a zip
 * library's reader (commons-compress {@code ZipFile}, {@code java.util.zip.ZipFile}) holds every entry of the
 * directory in memory before the first can be read, which for a hostile zip of millions of tiny entries is
 * gigabytes. The count stops one past the most wanted, so a huge directory costs no more than a small one.
 * The walk follows the same chain of headers a reader follows, so it never counts more than the reader would
 * list; the directory's own count (end record, zip64 included) is not trusted, since a zip may lie in it.
 */
final class ZipDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int HEADER_SIGNATURE = 0x02014b50;
    private static final int HEADER_LENGTH = 46;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final long UNSET_32 = 0xFFFFFFFFL;

    private ZipDirectory() {}

    /**
     * How many entries the central directory holds, counting no further than {@code most + 1}; empty when the
     * directory cannot be found (then the zip reader's own error says why).
     */
    static OptionalLong countEntries(SeekableByteChannel zip, long most) throws IOException {
        long end = findEnd(zip);
        if (end < 0) {
            return OptionalLong.empty();
        }
        ByteBuffer record = read(zip, end, END_LENGTH);
        long size = record.getInt(12) & UNSET_32;
        long offset = record.getInt(16) & UNSET_32;
        if (offset == UNSET_32 || size == UNSET_32) {
            ByteBuffer zip64 = zip64End(zip, end);
            if (zip64 == null) {
                return OptionalLong.empty();
            }
            size = zip64.getLong(40);
            offset = zip64.getLong(48);
        }
        // A zip with data before it (a self-extracting one) keeps offsets relative to where the zip starts.
        for (long start : new long[] {offset, end - size}) {
            long count = walk(zip, start, most);
            if (count >= 0) {
                return OptionalLong.of(count);
            }
        }
        return OptionalLong.empty();
    }

    /** The position of the end-of-central-directory record, searching back over a comment; -1 when there is none. */
    private static long findEnd(SeekableByteChannel zip) throws IOException {
        long from = Math.max(0, zip.size() - END_LENGTH - MAX_COMMENT);
        int length = (int) (zip.size() - from);
        if (length < END_LENGTH) {
            return -1;
        }
        ByteBuffer tail = read(zip, from, length);
        for (int at = length - END_LENGTH; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE) {
                return from + at;
            }
        }
        return -1;
    }

    private static ByteBuffer zip64End(SeekableByteChannel zip, long end) throws IOException {
        if (end < ZIP64_LOCATOR_LENGTH) {
            return null;
        }
        ByteBuffer locator = read(zip, end - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return null;
        }
        long at = locator.getLong(8);
        if (at < 0 || at + 56 > zip.size()) {
            return null;
        }
        ByteBuffer record = read(zip, at, 56);
        return record.getInt(0) == ZIP64_END_SIGNATURE ? record : null;
    }

    /** Headers chained from {@code start}, up to {@code most + 1}; -1 when no header starts there. */
    private static long walk(SeekableByteChannel zip, long start, long most) throws IOException {
        if (start < 0 || start >= zip.size()) {
            return -1;
        }
        Window window = new Window(zip, start);
        long count = 0;
        while (count <= most && window.available(HEADER_LENGTH) && window.intAt(0) == HEADER_SIGNATURE) {
            long length = HEADER_LENGTH + window.shortAt(28) + window.shortAt(30) + window.shortAt(32);
            window.skip(length);
            count++;
        }
        return count == 0 ? -1 : count;
    }

    private static ByteBuffer read(SeekableByteChannel zip, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        zip.position(position);
        while (buffer.hasRemaining() && zip.read(buffer) >= 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        return buffer.flip();
    }

    /** A 64 KB view of the channel that moves forward, so a walk over a million headers reads in large blocks. */
    private static final class Window {
        private static final int SIZE = 64 * 1024;
        private final SeekableByteChannel zip;
        private long position;
        private ByteBuffer bytes = ByteBuffer.allocate(0);

        Window(SeekableByteChannel zip, long position) {
            this.zip = zip;
            this.position = position;
        }

        /** Whether {@code n} bytes from the current position exist, reading them in if needed. */
        boolean available(int n) throws IOException {
            if (bytes.remaining() < n) {
                bytes = read(zip, position, (int) Math.max(0, Math.min(SIZE, zip.size() - position)));
            }
            return bytes.remaining() >= n;
        }

        int intAt(int offset) {
            return bytes.getInt(bytes.position() + offset);
        }

        int shortAt(int offset) {
            return bytes.getShort(bytes.position() + offset) & 0xFFFF;
        }

        void skip(long n) {
            position += n;
            if (n <= bytes.remaining()) {
                bytes.position(bytes.position() + (int) n);
            } else {
                bytes = ByteBuffer.allocate(0);
            }
        }
    }
}
