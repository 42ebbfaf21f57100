package io.supplygraph.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Turns command-line arguments (files, directories, archives, compressed files, {@code -} for stdin)
 * into documents, in a deterministic order: arguments as given, directory contents sorted by name,
 * archive entries in central-directory (zip) or stream (tar) order.
 *
 * <p>Directories are walked recursively; hidden files ({@code .git}) are skipped, and symbolic links
 * inside them are not followed (a link could lead anywhere on the machine) but reported. A path given
 * as an argument is read wherever it points.
 */
public final class DocumentSources {

    public static final String STDIN_ARGUMENT = "-";
    public static final String STDIN_NAME = "<stdin>";

    private final SourceLimits limits;
    private final InputStream stdin;
    private final UnaryOperator<String> names;
    private boolean stdinRead;

    public DocumentSources(SourceLimits limits, InputStream stdin) {
        this(limits, stdin, UnaryOperator.identity());
    }

    /**
     * Sources whose files are shown under {@code names} of their paths instead: a server's spool files under the
     * names their uploads had. An archive's entries are named after the archive's name, as always.
     */
    public DocumentSources(SourceLimits limits, InputStream stdin, UnaryOperator<String> names) {
        this.limits = limits;
        this.stdin = stdin;
        this.names = names;
    }

    /** Visits every document the arguments hold; every problem is a {@link SourceVisitor#reject} and the walk goes on. */
    public void walk(List<String> arguments, SourceVisitor visitor) {
        try (TempFolder temp = new TempFolder()) {
            Unpacker unpacker = new Unpacker(visitor, temp);
            for (String argument : arguments) {
                if (argument.equals(STDIN_ARGUMENT)) {
                    readStdin(unpacker, visitor, temp);
                } else {
                    readPath(argument, unpacker, visitor);
                }
            }
        }
    }

    private void readPath(String argument, Unpacker unpacker, SourceVisitor visitor) {
        Path path;
        try {
            path = Path.of(argument);
        } catch (InvalidPathException e) {
            visitor.reject(argument, "not a valid path: " + e.getReason());
            return;
        }
        if (Files.isDirectory(path)) {
            readDirectory(path, unpacker, visitor);
        } else if (Files.isRegularFile(path)) {
            readFile(path, argument, unpacker, visitor);
        } else if (Files.exists(path)) {
            visitor.reject(argument, "not a regular file or directory");
        } else {
            visitor.reject(argument, "no such file or directory");
        }
    }

    private void readDirectory(Path directory, Unpacker unpacker, SourceVisitor visitor) {
        List<Path> children;
        try (Stream<Path> listing = Files.list(directory)) {
            children = listing.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            visitor.reject(directory.toString(), "cannot list directory: " + SourceRejection.reasonOf(e));
            return;
        }
        for (Path child : children) {
            if (child.getFileName().toString().startsWith(".")) {
                continue;
            }
            if (Files.isSymbolicLink(child)) {
                visitor.reject(child.toString(), "symbolic link inside a directory, not followed");
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                readDirectory(child, unpacker, visitor);
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                readFile(child, child.toString(), unpacker, visitor);
            } else {
                visitor.reject(child.toString(), "not a regular file or directory");
            }
        }
    }

    private void readFile(Path path, String pathName, Unpacker unpacker, SourceVisitor visitor) {
        String name = names.apply(pathName);
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            visitor.reject(name, SourceRejection.reasonOf(e));
            return;
        }
        unpacker.unpack(new FileDocument(name, path, size), new SourceBudget(limits));
    }

    /** Standard input can be read once only, so it is copied before anything looks at it. */
    private void readStdin(Unpacker unpacker, SourceVisitor visitor, TempFolder temp) {
        if (stdinRead) {
            visitor.reject(STDIN_NAME, "standard input was already read (\"-\" given more than once)");
            return;
        }
        stdinRead = true;
        SourceBudget budget = new SourceBudget(limits);
        SpooledDocument copy;
        try {
            copy = SpooledDocument.copy(STDIN_NAME, stdin, budget, temp);
        } catch (IOException e) {
            visitor.reject(STDIN_NAME, SourceRejection.reasonOf(e));
            return;
        }
        try (copy) {
            unpacker.unpack(copy, budget);
        }
    }
}
