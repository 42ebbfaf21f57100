package io.supplygraph.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.model.Digest;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.SbomFacts.Edge;
import io.supplygraph.model.fact.SbomFacts.Licence;
import io.supplygraph.model.fact.SbomFacts.Occurrence;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RowBatchTest {

    /** Two full batches and a part of a third: rows at both kinds of boundary. */
    private static final int PACKAGES = 2 * RowBatch.ROWS + 7;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void documentOfSeveralBatchesKeepsEveryRow(TestStores.Kind kind) throws Exception {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            assertThat(store.store(new DocumentRecord("sha256:" + "a".repeat(64), DocumentFormat.CYCLONEDX_JSON,
                    "chain.json", 10, chain(), Trust.UNSIGNED))).isTrue();

            assertThat(rows(store, "contains")).isEqualTo(PACKAGES);
            assertThat(rows(store, "depends_on")).isEqualTo(PACKAGES - 1);
            assertThat(rows(store, "occurrence")).isEqualTo(PACKAGES);
            assertThat(rows(store, "licence")).isEqualTo(PACKAGES);
        }
    }

    private static long rows(GraphStore store, String table) throws SQLException {
        try (Statement s = store.database().connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A chain p0 -> p1 -> ... where every package has an artifact and a licence. */
    private static SbomFacts chain() throws Exception {
        List<PackageIdentity> packages = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        List<Occurrence> occurrences = new ArrayList<>();
        List<Licence> licences = new ArrayList<>();
        int[] parent = new int[PACKAGES];
        int[] depth = new int[PACKAGES];
        for (int i = 0; i < PACKAGES; i++) {
            packages.add(PackageIdentity.fromPurl("pkg:npm/p" + i + "@1.0.0"));
            occurrences.add(new Occurrence(i, Digest.parse("sha256:" + String.format("%064x", i))));
            licences.add(new Licence(i, "MIT", null));
            parent[i] = i - 1;
            depth[i] = i;
            if (i > 0) {
                edges.add(new Edge(i - 1, i, EdgeKind.DEPENDS_ON));
            }
        }
        return new SbomFacts("1.6", "chain", PACKAGES, packages, new int[] {0}, edges, parent, depth, occurrences,
                licences, List.of(), List.of(), List.of(), null);
    }
}
