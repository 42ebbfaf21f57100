package io.supplygraph.ingest.spdx;

import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The corpus's SBOM folders that hold SPDX, walked whole: files are told apart by content, not name. */
public final class CorpusFiles {

    private static final List<String> FOLDERS =
            List.of("sbom/spdx-examples", "sbom/guac-exampledata", "sbom/bom-shelter-in-the-wild");

    private CorpusFiles() {}

    /** Every regular file under the SPDX-bearing folders whose content {@code accepts}. */
    public static List<Path> matching(Predicate<String> accepts) {
        Path root = Corpus.root();
        return FOLDERS.stream()
                .map(root::resolve)
                .filter(Files::isDirectory)
                .flatMap(CorpusFiles::walk)
                .filter(p -> accepts.test(read(p)))
                .sorted()
                .toList();
    }

    public static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
