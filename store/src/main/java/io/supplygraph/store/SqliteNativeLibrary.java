package io.supplygraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Keeps sqlite-jdbc's native library in {@code ~/.supplygraph/native}, extracted once, instead of letting the driver
 * unpack its megabyte into the temporary folder on every start: 150-250 ms of a CLI command's start-up on this
 * machine (bench/README.md, "Start-up"). The copy is named after the driver's version, so an upgrade extracts its
 * own; it is written beside and moved into place, so a process never loads half a file. Whatever goes wrong, the
 * driver is left to do as it always did.
 */
final class SqliteNativeLibrary {

    /** sqlite-jdbc loads {@code <path>/<name>} when both are set, and extracts nothing. */
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    static final Path CACHE = Path.of(System.getProperty("user.home"), ".supplygraph", "native");

    private static boolean tried;

    private SqliteNativeLibrary() {}

    /** Points the driver at the cached copy, extracting it first if need be; once per process. */
    static synchronized void useCachedCopy() {
        if (tried || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        tried = true;
        try {
            String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc");
            Path cache = CACHE.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + folder.replace('/', '-'));
            Path library = cache.resolve(name);
            if (!Files.isRegularFile(library)) {
                extract("/org/sqlite/native/" + folder + "/" + name, cache, library);
            }
            System.setProperty(PATH_PROPERTY, cache.toString());
            System.setProperty(NAME_PROPERTY, name);
        } catch (IOException | RuntimeException e) {
            // No cache (a read-only home, a platform the jar has no library for): the driver extracts its own.
        }
    }

    private static void extract(String resource, Path cache, Path library) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no native library " + resource);
            }
            Files.createDirectories(cache);
            Path partial = Files.createTempFile(cache, library.getFileName().toString(), ".part");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
