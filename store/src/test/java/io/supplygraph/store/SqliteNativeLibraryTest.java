package io.supplygraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite driver loads its native library from one cached copy, not a fresh one in /tmp per process. */
class SqliteNativeLibraryTest {

    @TempDir
    Path tmp;

    @Test
    void anOpenSqliteStoreLoadsTheCachedLibrary() {
        try (GraphStore store = GraphStore.open(tmp.resolve("graph.db").toString())) {
            assertThat(store.stats().stats().documents()).isZero();
        }
        String folder = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        // Unless a property was set before (then the driver is left alone), the copy is the one in the cache.
        assertThat(folder).startsWith(SqliteNativeLibrary.CACHE.toString()).contains("sqlite-jdbc-");
        Path library = Path.of(folder, name);
        assertThat(library).isRegularFile();
        assertThat(library.toFile().length()).isGreaterThan(100_000);
        try (var leftovers = java.util.stream.Stream.of(library.getParent().toFile().list())) {
            assertThat(leftovers).as("no half-written copies").noneMatch(f -> f.endsWith(".part"));
        }
        assertThat(Files.isReadable(library)).isTrue();
    }
}
