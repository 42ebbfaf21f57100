package io.supplygraph.server.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.ReleaseNaming;
import io.supplygraph.server.http.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Uploads on their way into the graph: every body is streamed to a file here (never held whole in memory) and
 * forced to disk before anything is answered. {@code incoming/} holds uploads answered only once they are committed,
 * so what is left there after a crash was never promised and is removed at start; {@code jobs/<id>/} holds uploads
 * answered 202, which a restarted server ingests, and {@code jobs/<id>.naming.json} beside it the application and
 * release the upload named, if it named one (beside, not inside, so that no uploaded file's name can clash with it).
 */
public final class Spool {

    private static final int BUFFER = 64 * 1024;
    private static final String NAMING = ".naming.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path incoming;
    private final Path jobs;
    private final Path multipart;

    public Spool(Path folder) {
        this.incoming = folder.resolve("incoming");
        this.jobs = folder.resolve("jobs");
        this.multipart = folder.resolve("multipart");
        try {
            Files.createDirectories(incoming);
            Files.createDirectories(jobs);
            Files.createDirectories(multipart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Where the HTTP server keeps a multipart body's parts while they are read into this spool. */
    public Path multipartFolder() {
        return multipart;
    }

    /**
     * Removes uploads that were never answered: the server stopped before committing them, or before their job's
     * folder was made (its naming, written first, is then alone).
     */
    public void discardUnanswered() {
        try (Stream<Path> leftovers = Files.list(incoming); Stream<Path> namings = Files.list(jobs)) {
            leftovers.forEach(Spool::deleteTree);
            namings.filter(f -> f.getFileName().toString().endsWith(NAMING))
                    .filter(f -> !Files.isDirectory(jobFolder(f)))
                    .forEach(Spool::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + incoming + ": " + e.getMessage(), e);
        }
    }

    private static Path jobFolder(Path naming) {
        String name = naming.getFileName().toString();
        return naming.resolveSibling(name.substring(0, name.length() - NAMING.length()));
    }

    /**
     * Streams {@code body} to a new file named {@code name} and forces it to disk. More than {@code maxBytes} is
     * refused with 413, and nothing of it is kept.
     */
    public Path receive(InputStream body, String name, long maxBytes) throws IOException {
        Path folder = Files.createDirectory(incoming.resolve(UUID.randomUUID().toString()));
        Path file = folder.resolve(name);
        boolean complete = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ApiProblem(413, "Content Too Large", name + " is larger than the limit of "
                            + maxBytes + " bytes per upload");
                }
                out.write(buffer, 0, n);
            }
            channel.force(true);
            complete = true;
            return file;
        } finally {
            if (!complete) {
                deleteTree(folder);
            }
        }
    }

    /**
     * Makes received uploads a job's: from here on a restart ingests them, under {@code naming}. Two uploads of one
     * name keep both, the second with a number in front.
     */
    public void adopt(List<Path> received, String jobId, ReleaseNaming naming) throws IOException {
        if (!naming.equals(ReleaseNaming.FROM_SUBJECTS)) {
            // Durable before the folder exists: a restart that finds the job's files finds how to name them.
            try (FileChannel channel = FileChannel.open(jobs.resolve(jobId + NAMING), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(naming)));
                channel.force(true);
            }
            forceFolder(jobs);
        }
        Path folder = Files.createDirectory(jobs.resolve(jobId));
        int n = 0;
        for (Path file : received) {
            Path target = folder.resolve(file.getFileName());
            if (Files.exists(target)) {
                target = folder.resolve(++n + "-" + file.getFileName());
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(file.getParent());
        }
        forceFolder(folder);
        forceFolder(jobs);
    }

    /** The uploads of a job, if they are in this spool (another server's job is not). */
    public Optional<List<Path>> jobFiles(String jobId) {
        Path folder = jobs.resolve(jobId);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return Optional.of(files.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The application and release a job's upload named; named by their subjects when it named none. */
    public ReleaseNaming jobNaming(String jobId) {
        Path file = jobs.resolve(jobId + NAMING);
        if (!Files.exists(file)) {
            return ReleaseNaming.FROM_SUBJECTS;
        }
        try {
            return JSON.readValue(file.toFile(), ReleaseNaming.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The names under which the documents of spooled files are recorded and reported: as the client named its
     * upload, since the folder the file waits in here is of no interest to anyone.
     */
    public static UnaryOperator<String> uploadNames(Path spooled) {
        String folder = spooled.getParent().toString() + java.io.File.separator;
        return path -> path.startsWith(folder) ? path.substring(folder.length()) : path;
    }

    public void discard(List<Path> files) {
        files.forEach(file -> deleteTree(file.getParent()));
    }

    public void discardJob(String jobId) {
        deleteTree(jobs.resolve(jobId));
        deleteTree(jobs.resolve(jobId + NAMING));
    }

    /** The rename of a file into a folder is durable only once the folder itself is forced to disk. */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Removes a folder and everything in it; nothing when it is not there. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
