package io.supplygraph.server.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/** Tells an archive (a batch of documents) from a single document, compressed or not, by its first bytes. */
final class Archives {

    private Archives() {}

    static boolean isArchive(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            InputStream content = raw;
            try {
                String compressor = CompressorStreamFactory.detect(raw);
                content = new BufferedInputStream(new CompressorStreamFactory().createCompressorInputStream(compressor,
                        raw));
            } catch (CompressorException notCompressed) {
                // Read as it is.
            }
            try {
                ArchiveStreamFactory.detect(content);
                return true;
            } catch (ArchiveException notAnArchive) {
                return false;
            }
        } catch (CompressorException e) {
            return false;
        }
    }
}
