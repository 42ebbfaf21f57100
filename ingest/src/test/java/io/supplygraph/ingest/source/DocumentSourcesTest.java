package io.supplygraph.ingest.source;

import static io.supplygraph.ingest.source.Fixtures.compress;
import static io.supplygraph.ingest.source.Fixtures.utf8;
import static io.supplygraph.ingest.source.Fixtures.write;
import static io.supplygraph.ingest.source.Fixtures.zip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.source.Fixtures.Compressor;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentSourcesTest {

    private static final byte[] SBOM = utf8("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\"}");
    private static final InputStream NO_STDIN = InputStream.nullInputStream();

    @TempDir
    Path dir;

    private Collected walk(String... arguments) {
        return walk(SourceLimits.defaults(), NO_STDIN, arguments);
    }

    private static Collected walk(SourceLimits limits, InputStream stdin, String... arguments) {
        Collected found = new Collected();
        new DocumentSources(limits, stdin).walk(List.of(arguments), found);
        return found;
    }

    private String arg(String relative) {
        return dir.resolve(relative).toString();
    }

    @Test
    void walksDirectoriesRecursivelyInNameOrderSkippingHiddenFiles() throws IOException {
        write(dir.resolve("sboms/b.json"), SBOM);
        write(dir.resolve("sboms/a/z.json"), SBOM);
        write(dir.resolve("sboms/a/.hidden.json"), SBOM);
        write(dir.resolve("sboms/.git/config"), SBOM);
        write(dir.resolve("sboms/c.json"), SBOM);
        write(dir.resolve("sboms/A.json"), SBOM);

        Collected found = walk(arg("sboms") + "/");

        assertEquals(List.of(arg("sboms/A.json"), arg("sboms/a/z.json"), arg("sboms/b.json"), arg("sboms/c.json")),
                found.names());
        assertEquals(Map.of(), found.rejected);
    }

    @Test
    void reportsSymbolicLinksInsideDirectoriesWithoutFollowingThem() throws IOException {
        Path outside = write(dir.resolve("outside/secret.json"), SBOM);
        write(dir.resolve("sboms/a.json"), SBOM);
        Files.createSymbolicLink(dir.resolve("sboms/link.json"), outside);

        Collected found = walk(arg("sboms"));

        assertEquals(List.of(arg("sboms/a.json")), found.names());
        assertTrue(found.rejected.get(arg("sboms/link.json")).contains("symbolic link"), found.rejected::toString);
    }

    @Test
    void readsPlainFileInPlaceWithItsSize() throws IOException {
        write(dir.resolve("a.json"), SBOM);

        Collected found = walk(arg("a.json"));

        assertArrayEquals(SBOM, found.documents.get(arg("a.json")));
        assertEquals(List.of((long) SBOM.length), found.sizes);
    }

    @ParameterizedTest
    @EnumSource(Compressor.class)
    void decompressesByMagicBytesKeepingTheFileName(Compressor compressor) throws IOException {
        // a misleading extension: the content decides
        write(dir.resolve("image.spdx.json"), compress(compressor, SBOM));

        Collected found = walk(arg("image.spdx.json"));

        assertArrayEquals(SBOM, found.documents.get(arg("image.spdx.json")));
        assertEquals(List.of((long) SBOM.length), found.sizes);
    }

    @Test
    void readsZipEntriesWithNestedGzipAndSkipsDirectories() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("sboms/", new byte[0]);
        entries.put("sboms/a.json", SBOM);
        entries.put("sboms/b.json.gz", compress(Compressor.GZIP, utf8("{\"b\": 1}")));
        entries.put("__MACOSX/._a.json", utf8("resource fork"));
        write(dir.resolve("bundle.zip"), zip(entries));

        Collected found = walk(arg("bundle.zip"));

        assertEquals(List.of(arg("bundle.zip") + "!/sboms/a.json", arg("bundle.zip") + "!/sboms/b.json.gz"),
                found.names());
        assertEquals("{\"b\": 1}", found.text(arg("bundle.zip") + "!/sboms/b.json.gz"));
        assertEquals(Map.of(), found.rejected);
    }

    @Test
    void readsZipInsideZip() throws IOException {
        byte[] inner = zip(Map.of("a.json", SBOM));
        write(dir.resolve("outer.zip"), zip(Map.of("inner.zip", inner)));

        Collected found = walk(arg("outer.zip"));

        assertEquals(List.of(arg("outer.zip") + "!/inner.zip!/a.json"), found.names());
    }

    @Test
    void readsTarGzEntries() throws IOException {
        Path tar = dir.resolve("image.tar.gz");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(Files.newOutputStream(tar)))) {
            TarArchiveEntry entry = new TarArchiveEntry("./sbom/a.json");
            entry.setSize(SBOM.length);
            out.putArchiveEntry(entry);
            out.write(SBOM);
            out.closeArchiveEntry();
        }

        Collected found = walk(tar.toString());

        assertEquals(List.of(tar + "!/./sbom/a.json"), found.names());
        assertArrayEquals(SBOM, found.documents.get(tar + "!/./sbom/a.json"));
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() throws IOException {
        byte[] nested = zip(Map.of("a.json", SBOM));
        for (int i = 0; i < 3; i++) {
            nested = zip(Map.of("level" + i + ".zip", nested));
        }
        write(dir.resolve("deep.zip"), nested);

        Collected found = walk(arg("deep.zip"));

        assertEquals(List.of(), found.names());
        String deepest = arg("deep.zip") + "!/level2.zip!/level1.zip!/level0.zip";
        assertTrue(found.rejected.get(deepest).contains("maxNestingDepth"), found.rejected::toString);
    }

    @Test
    void rejectsZipSlipEntriesByNameAndReadsTheRest() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../evil.json", SBOM);
        entries.put("/etc/evil.json", SBOM);
        entries.put("C:/evil.json", SBOM);
        entries.put("ok.json", SBOM);
        write(dir.resolve("slip/bundle.zip"), zip(entries));

        Collected found = walk(arg("slip/bundle.zip"));

        String zip = arg("slip/bundle.zip");
        assertEquals(List.of(zip + "!/ok.json"), found.names());
        assertEquals(List.of(zip + "!/../../evil.json", zip + "!//etc/evil.json", zip + "!/C:/evil.json"),
                List.copyOf(found.rejected.keySet()));
        assertTrue(found.rejected.values().stream().allMatch(r -> r.contains("path traversal")));
        assertTrue(Files.notExists(dir.resolve("evil.json")) && Files.notExists(dir.getParent().resolve("evil.json")));
    }

    @Test
    void rejectsZipBombWhileDecompressing() throws IOException {
        Path bomb = Fixtures.zipBomb(dir.resolve("bomb.zip"), 1L << 30);
        long started = System.nanoTime();

        Collected found = walk(bomb.toString());

        long millis = (System.nanoTime() - started) / 1_000_000;
        String reason = found.rejected.get(bomb + "!/zeros.json");
        assertTrue(reason != null && reason.contains("maxCompressionRatio"), found.rejected::toString);
        assertTrue(millis < 5_000, "took " + millis + " ms");
        System.out.println("zip bomb of 1 GiB zeros (" + Files.size(bomb) + " bytes) rejected in " + millis + " ms: "
                + reason);
        assertEquals(List.of(), found.names());
    }

    @Test
    void rejectsGzipBombWhileDecompressing() throws IOException {
        Path bomb = dir.resolve("bomb.json.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(bomb))) {
            Fixtures.zeros(out, 256L << 20);
        }

        Collected found = walk(bomb.toString());

        String reason = found.rejected.get(bomb.toString());
        assertTrue(reason != null && reason.contains("maxCompressionRatio") && reason.contains("MiB"),
                found.rejected::toString);
    }

    @Test
    void rejectsDocumentLargerThanTheLimitWhileDecompressing() throws IOException {
        byte[] big = new byte[5_000];
        Arrays.fill(big, (byte) 'x');
        write(dir.resolve("big.json.xz"), compress(Compressor.XZ, big));
        SourceLimits limits = new SourceLimits(1_000, 1L << 30, 10, 100, 3);

        Collected found = walk(limits, NO_STDIN, arg("big.json.xz"));

        assertTrue(found.rejected.get(arg("big.json.xz")).contains("maxDocumentBytes"), found.rejected::toString);
    }

    @Test
    void rejectsTruncatedGzip() throws IOException {
        byte[] gz = compress(Compressor.GZIP, utf8("{\"components\": [" + "{\"name\": \"x\"},".repeat(2_000) + "]}"));
        write(dir.resolve("cut.json.gz"), Arrays.copyOf(gz, gz.length / 2));

        Collected found = walk(arg("cut.json.gz"));

        assertEquals(List.of(), found.names());
        assertTrue(found.rejected.get(arg("cut.json.gz")).contains("unexpected end of compressed data"),
                found.rejected::toString);
    }

    @Test
    void rejectsTruncatedXz() throws IOException {
        byte[] xz = compress(Compressor.XZ, utf8("{\"a\": \"" + "abc".repeat(5_000) + "\"}"));
        write(dir.resolve("cut.xz"), Arrays.copyOf(xz, xz.length - 10));

        Collected found = walk(arg("cut.xz"));

        assertTrue(found.rejected.get(arg("cut.xz")).contains("truncated xz"), found.rejected::toString);
    }

    @Test
    void rejectsTruncatedZip() throws IOException {
        byte[] zip = zip(Map.of("a.json", SBOM, "b.json", SBOM));
        write(dir.resolve("cut.zip"), Arrays.copyOf(zip, zip.length / 2));

        Collected found = walk(arg("cut.zip"));

        assertEquals(List.of(), found.names());
        assertTrue(found.rejected.get(arg("cut.zip")).startsWith("truncated archive"), found.rejected::toString);
    }

    @Test
    void rejectsMissingFileAndGoesOn() throws IOException {
        write(dir.resolve("a.json"), SBOM);

        Collected found = walk(arg("missing.json"), arg("a.json"));

        assertEquals(Map.of(arg("missing.json"), "no such file or directory"), found.rejected);
        assertEquals(List.of(arg("a.json")), found.names());
    }

    @Test
    void readsStandardInputOnceAndDecompressesIt() throws IOException {
        InputStream stdin = new ByteArrayInputStream(compress(Compressor.GZIP, SBOM));

        Collected found = walk(SourceLimits.defaults(), stdin, "-", "-");

        assertArrayEquals(SBOM, found.documents.get("<stdin>"));
        assertTrue(found.rejected.get("<stdin>").contains("already read"), found.rejected::toString);
    }

    @Test
    void refusesAZipListingMoreEntriesThanTheLimitBeforeReadingAny() throws IOException {
        write(dir.resolve("many.zip"), zip(entries(11)));
        write(dir.resolve("enough.zip"), zip(entries(10)));
        SourceLimits limits = new SourceLimits(1L << 20, 1L << 30, 10, 100, 3);

        Collected found = walk(limits, NO_STDIN, arg("many.zip"), arg("enough.zip"));

        assertEquals(10, found.names().size());
        assertTrue(found.names().stream().allMatch(n -> n.startsWith(arg("enough.zip"))), found.names()::toString);
        assertEquals("archive has more than 10 entries (limit maxArchiveEntries); refused before reading any",
                found.rejected.get(arg("many.zip")));
    }

    @Test
    void refusesANestedZipThatWouldTakeTheSourceOverTheEntryLimit() throws IOException {
        Map<String, byte[]> outer = new LinkedHashMap<>(entries(4));
        outer.put("inner.zip", zip(entries(6)));
        write(dir.resolve("outer.zip"), zip(outer));
        SourceLimits limits = new SourceLimits(1L << 20, 1L << 30, 10, 100, 3);

        Collected found = walk(limits, NO_STDIN, arg("outer.zip"));

        assertEquals(4, found.names().size(), "the outer entries before the nested zip");
        assertTrue(found.rejected.get(arg("outer.zip")).contains("more than 10 entries"), found.rejected::toString);
    }

    @Test
    void stopsATarWithMoreEntriesThanTheLimitAtTheLimit() throws IOException {
        Path tar = dir.resolve("many.tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            for (Map.Entry<String, byte[]> e : entries(25).entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                out.putArchiveEntry(entry);
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
        SourceLimits limits = new SourceLimits(1L << 20, 1L << 30, 10, 100, 3);

        Collected found = walk(limits, NO_STDIN, tar.toString());

        assertEquals(10, found.names().size(), "a tar is a stream: its entries are counted as they come");
        assertTrue(found.rejected.get(tar.toString()).contains("more than 10 entries"), found.rejected::toString);
    }

    private static Map<String, byte[]> entries(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put(String.format("e%02d.json", i), SBOM);
        }
        return entries;
    }

    @Test
    void stopsASourceThatExpandsBeyondTheTotalLimit() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put("e" + i + ".json", new byte[400]);
        }
        write(dir.resolve("wide.zip"), zip(entries));
        SourceLimits limits = new SourceLimits(1_000, 1_000, 100, 100, 3);

        Collected found = walk(limits, NO_STDIN, arg("wide.zip"));

        assertEquals(2, found.names().size());
        assertTrue(found.rejected.get(arg("wide.zip")).contains("maxTotalBytes"), found.rejected::toString);
    }

    @Test
    void spoolsLargeEntriesToTemporaryFilesAndRemovesThem() throws IOException {
        byte[] large = new byte[SpooledDocument.IN_MEMORY_LIMIT + 1_000];
        new java.util.Random(7).nextBytes(large);
        write(dir.resolve("large.zip"), zip(Map.of("large.bin", large)));
        long before = spoolFolders();

        Collected found = walk(arg("large.zip"));

        assertArrayEquals(large, found.documents.get(arg("large.zip") + "!/large.bin"));
        assertEquals(before, spoolFolders());
    }

    private static long spoolFolders() throws IOException {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("supplygraph-sources-")).count();
        }
    }

    @Test
    void decodesTheCorpusBzip2AndZstdCopiesOfAnSbom() throws IOException {
        Path plain = Corpus.path("sbom/guac-exampledata/busybox-cyclonedx.json");
        Path bz2 = Corpus.path("sbom/guac-exampledata/busybox-cyclonedx.json.bz2");
        Path zst = Corpus.path("sbom/guac-exampledata/busybox-cyclonedx.json.zst");

        Collected found = walk(bz2.toString(), zst.toString());

        byte[] expected = Files.readAllBytes(plain);
        assertArrayEquals(expected, found.documents.get(bz2.toString()));
        assertArrayEquals(expected, found.documents.get(zst.toString()));
        assertEquals("CycloneDX", new ObjectMapper().readTree(found.documents.get(zst.toString()))
                .path("bomFormat").asText());
    }
}
