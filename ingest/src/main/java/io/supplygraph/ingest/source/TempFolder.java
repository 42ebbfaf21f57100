package io.supplygraph.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The one private folder a walk spools into, made on first use. Files get random names, never an
 * archive entry's own name, so no entry can write outside it.
 */
final class TempFolder implements AutoCloseable {

    /**
     * The buffer every copy of the walk goes through, one copy at a time (a copy ends before what it copied is looked
     * into): an OSV export is hundreds of thousands of 2 KB entries, and a fresh 64 KiB buffer for each was the
     * largest cost of reading them.
     */
    final byte[] copyBuffer = new byte[64 * 1024];

    private Path folder;

    Path newFile() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("supplygraph-sources-");
        }
        return Files.createTempFile(folder, "doc-", ".spool");
    }

    /** Removes the folder and anything a failed copy may have left in it. */
    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> left = Files.list(folder)) {
            for (Path p : (Iterable<Path>) left::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary folder " + folder, e);
        }
        folder = null;
    }
}
