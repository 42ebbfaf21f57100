package io.supplygraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.ApplicationSql.ReleaseRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A graph stored before applications and releases existed (schema 9) gets them from each document's subject when
 * it is upgraded: a purl's application is the purl without its version, a made-up subject's is its name.
 */
class ReleaseBackfillTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void upgradingNamesEachStoredDocumentsApplicationAndReleaseFromItsSubject(Kind kind) throws Exception {
        String location = TestStores.fresh(kind, tmp);
        String url = kind == Kind.SQLITE ? "jdbc:sqlite:" + location : location;
        Flyway.configure().locations("classpath:db/migration/" + (kind == Kind.SQLITE ? "sqlite" : "postgresql"))
                .dataSource(url, null, null).target("9").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO package (id, base, type, namespace, name) VALUES"
                    + " (1, 'pkg:npm/juice-shop', 'npm', NULL, 'juice-shop'),"
                    + " (2, 'pkg:generic/tool', 'generic', NULL, 'tool'), (3, 'pkg:npm/minimist', 'npm', NULL, 'minimist')");
            s.execute("INSERT INTO package_version (id, purl, package_id, version, synthetic) VALUES"
                    + " (1, 'pkg:npm/juice-shop@14.1.1', 1, '14.1.1', 0), (2, 'pkg:generic/tool@2', 2, '2', 1),"
                    + " (3, 'pkg:npm/minimist@1.2.5', 3, '1.2.5', 0)");
            s.execute("INSERT INTO document (id, digest, format, size_bytes, component_count, warning_count,"
                    + " ingested_at) VALUES (1, 'sha256:aa', 'cyclonedx-json', 10, 1, 0, '2026-01-01T00:00:00Z'),"
                    + " (2, 'sha256:bb', 'spdx-json', 10, 1, 0, '2026-01-02T00:00:00Z'),"
                    + " (3, 'sha256:cc', 'openvex', 10, 0, 0, '2026-01-03T00:00:00Z')");
            s.execute("INSERT INTO contains (document_id, package_version_id, parent_id, depth) VALUES"
                    + " (1, 1, NULL, 0), (1, 3, 1, 1), (2, 2, NULL, 0), (2, 3, 2, 1)");
        }
        try (GraphStore store = GraphStore.open(location)) {
            List<ReleaseRow> releases = store.applications().releases();
            assertThat(releases).extracting(ReleaseRow::digest, ReleaseRow::application, ReleaseRow::release)
                    .containsExactly(tuple("sha256:aa", "pkg:npm/juice-shop", "14.1.1"),
                            tuple("sha256:bb", "tool", "2"));
            assertThat(releases).allMatch(ReleaseRow::current);
        }
    }
}
