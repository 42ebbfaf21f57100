package io.supplygraph.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void countsTheEntriesOfAZipWithAComment() throws IOException {
        assertThat(count(zip(3, "a comment that the end record search must step over"), 100)).hasValue(3);
    }

    @Test
    void stopsCountingOnePastTheMostWanted() throws IOException {
        assertThat(count(zip(50, null), 10)).hasValue(11);
    }

    @Test
    void countsAZipOfMoreThan65535Entries() throws IOException {
        // the end record's 16-bit count says 0xFFFF: only the walk knows
        assertThat(count(zip(70_000, null), 100_000)).hasValue(70_000);
    }

    @Test
    void findsTheDirectoryThroughTheZip64EndRecord() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setUseZip64(Zip64Mode.Always);
            for (int i = 0; i < 5; i++) {
                zip.putArchiveEntry(new ZipArchiveEntry("e" + i));
                zip.closeArchiveEntry();
            }
        }
        byte[] zip = bytes.toByteArray();
        // as in a zip past 4 GiB: the end record's directory size and offset defer to the zip64 end record
        ByteBuffer end = ByteBuffer.wrap(zip, zip.length - 22, 22).slice().order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(12, 0xFFFFFFFF).putInt(16, 0xFFFFFFFF);

        assertThat(count(zip, 100)).hasValue(5);
    }

    @Test
    void countsTheHeadersNotWhatTheEndRecordClaims() throws IOException {
        byte[] zip = zip(20, null);
        ByteBuffer end = ByteBuffer.wrap(zip, zip.length - 22, 22).slice().order(ByteOrder.LITTLE_ENDIAN);
        end.putShort(8, (short) 1).putShort(10, (short) 1);

        assertThat(count(zip, 100)).hasValue(20);
    }

    @Test
    void countsAZipWithDataBeforeIt() throws IOException {
        byte[] zip = zip(4, null);
        byte[] prefixed = new byte[1_000 + zip.length];
        System.arraycopy(zip, 0, prefixed, 1_000, zip.length);

        assertThat(count(prefixed, 100)).hasValue(4);
    }

    @Test
    void findsNoDirectoryInWhatIsNotAZip() throws IOException {
        assertThat(count("not a zip at all, though longer than an end record".getBytes(), 100)).isEmpty();
    }

    private OptionalLong count(byte[] zip, long most) throws IOException {
        Path file = Files.write(dir.resolve("test.zip"), zip);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return ZipDirectory.countEntries(channel, most);
        }
    }

    private static byte[] zip(int entries, String comment) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                zip.closeEntry();
            }
            if (comment != null) {
                zip.setComment(comment);
            }
        }
        return bytes.toByteArray();
    }
}
