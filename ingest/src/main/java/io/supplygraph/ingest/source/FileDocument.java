package io.supplygraph.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** A plain file, read where it lies: nothing to copy, nothing to delete. */
record FileDocument(String name, Path path, long size) implements LocalDocument {

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public SeekableByteChannel channel() throws IOException {
        return Files.newByteChannel(path);
    }

    @Override
    public void close() {
        // the user's file stays where it is
    }
}
