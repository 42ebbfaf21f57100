package io.supplygraph.ingest.source;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Collections;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Peels compression and archives off one source file, layer by layer, until plain documents remain,
 * and hands each to the visitor. A problem with one entry rejects that entry and the archive goes on;
 * a spent budget (total size, entry count) rejects the rest of the source.
 */
final class Unpacker {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:");

    private final SourceVisitor visitor;
    private final TempFolder temp;

    Unpacker(SourceVisitor visitor, TempFolder temp) {
        this.visitor = visitor;
        this.temp = temp;
    }

    /** Everything in {@code source}; problems are rejected under the name of what they concern. */
    void unpack(LocalDocument source, SourceBudget budget) {
        try {
            visit(source, 0, budget);
        } catch (IOException e) {
            visitor.reject(source.name(), SourceRejection.reasonOf(e));
        }
    }

    private void visit(LocalDocument document, int depth, SourceBudget budget) throws IOException {
        Packing packing = Packing.sniff(document);
        if (packing == Packing.PLAIN) {
            long max = budget.limits().maxDocumentBytes();
            if (document.size() > max) {
                throw SourceRejection.ofDocument("document is larger than the " + SourceBudget.bytes(max)
                        + " limit (maxDocumentBytes): " + SourceBudget.bytes(document.size()));
            }
            visitor.accept(document);
            return;
        }
        int maxDepth = budget.limits().maxNestingDepth();
        if (depth >= maxDepth) {
            throw SourceRejection.ofDocument("nested more than " + maxDepth
                    + " layers of archives and compression deep (limit maxNestingDepth); found " + packing.label()
                    + " inside");
        }
        switch (packing) {
            case ZIP -> zipEntries(document, depth + 1, budget);
            case TAR -> tarEntries(document, depth + 1, budget);
            default -> decompressed(document, packing, depth + 1, budget);
        }
    }

    /** The decompressed content keeps the compressed file's name: it is the same document to the user. */
    private void decompressed(LocalDocument document, Packing packing, int depth, SourceBudget budget)
            throws IOException {
        SpooledDocument inner;
        try (InputStream in = packing.decompress(new BufferedInputStream(document.open()))) {
            inner = SpooledDocument.copy(document.name(), in, budget, temp);
        } catch (SourceRejection e) {
            throw e;
        } catch (EOFException e) {
            throw SourceRejection.ofDocument("truncated " + packing.label()
                    + " data: unexpected end of compressed data");
        } catch (IOException e) {
            throw SourceRejection.ofDocument("corrupt or truncated " + packing.label() + " data: " + e.getMessage());
        }
        try (inner) {
            visit(inner, depth, budget);
        }
    }

    /**
     * Reads the central directory, which lists every entry: a truncated zip has none and is refused whole. Its
     * entries are counted first, without building them, so that a zip of more entries than the limit is refused
     * before the zip reader holds its whole directory in memory.
     */
    private void zipEntries(LocalDocument archive, int depth, SourceBudget budget) throws IOException {
        SeekableByteChannel channel = archive.channel();
        ZipFile zip;
        try {
            budget.expectEntries(ZipDirectory.countEntries(channel, budget.entriesLeft()));
            zip = ZipFile.builder().setSeekableByteChannel(channel).get();
        } catch (SourceRejection e) {
            channel.close();
            throw e;
        } catch (IOException e) {
            channel.close();
            throw SourceRejection.ofDocument("truncated archive or corrupt zip: " + e.getMessage());
        }
        try (zip) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                budget.countEntry();
                if (entry.isDirectory() || entry.isUnixSymlink()) {
                    continue;
                }
                String name = archive.name() + "!/" + entry.getName();
                if (admitted(name, entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entry(name, in, depth, budget);
                    } catch (IOException e) {
                        rejectEntry(name, e);
                    }
                }
            }
        }
    }

    private void tarEntries(LocalDocument archive, int depth, SourceBudget budget) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(archive.open()))) {
            TarArchiveEntry entry;
            while ((entry = nextTarEntry(tar)) != null) {
                budget.countEntry();
                String name = archive.name() + "!/" + entry.getName();
                if (entry.isFile() && admitted(name, entry.getName())) {
                    try {
                        entry(name, tar, depth, budget);
                    } catch (IOException e) {
                        rejectEntry(name, e);
                    }
                }
            }
        }
    }

    private static TarArchiveEntry nextTarEntry(TarArchiveInputStream tar) throws SourceRejection {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw SourceRejection.ofDocument("truncated archive or corrupt tar: " + e.getMessage());
        }
    }

    /** Copies one entry out (into the temporary folder, under a random name) and looks inside it. */
    private void entry(String name, InputStream content, int depth, SourceBudget budget) throws IOException {
        SpooledDocument document;
        try {
            document = SpooledDocument.copy(name, content, budget, temp);
        } catch (EOFException e) {
            throw SourceRejection.ofDocument("truncated archive: unexpected end of compressed data");
        }
        try (document) {
            visit(document, depth, budget);
        }
    }

    private void rejectEntry(String name, IOException e) throws SourceRejection {
        if (e instanceof SourceRejection rejection && rejection.wholeSource()) {
            throw rejection;
        }
        visitor.reject(name, SourceRejection.reasonOf(e));
    }

    /**
     * Whether to look at an entry: a name that tries to leave the archive (zip slip) is rejected, though we
     * never write under entry names, because such an archive is hostile; hidden files are skipped as in
     * a directory.
     */
    private boolean admitted(String name, String entryName) {
        String path = entryName.replace('\\', '/');
        if (path.startsWith("/") || DRIVE_LETTER.matcher(path).find() || path.equals("..")
                || path.startsWith("../") || path.contains("/../") || path.endsWith("/..")) {
            visitor.reject(name, "unsafe entry name (absolute path or path traversal): " + entryName);
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.startsWith(".") && !segment.equals(".") || segment.equals("__MACOSX")) {
                return false;
            }
        }
        return true;
    }
}
