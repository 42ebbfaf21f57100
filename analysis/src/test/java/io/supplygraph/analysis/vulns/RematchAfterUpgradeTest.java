package io.supplygraph.analysis.vulns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.vulns.Vulns.Query;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A graph matched under the rules before V9 (a Go module path keyed as written, so GO-2026-5543 never met its
 * lower-cased purl) is matched again under the new ones after the upgrade: the migration re-keys the stored entries
 * and lets every version go, and the next advisory import matches them all, dropping what the old rules found.
 */
class RematchAfterUpgradeTest {

    private static final String NTLMSSP = "pkg:golang/github.com/Azure/go-ntlmssp@v0.0.0-20200615164410-66371956d46c";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFirstImportAfterTheMigrationMatchesOldVersionsWithTheNewRules(Kind kind) throws Exception {
        String location = TestStores.fresh(kind, tmp);
        try (Supplygraph graph = Supplygraph.open(location)) {
            GoMatchingTest.ingest(graph, Sboms.write(tmp, "go.cdx.json", "pkg:generic/acme/go@1.0", NTLMSSP));
            GoMatchingTest.importOsv(graph, Corpus.path("osv/golang-vulndb/osv/GO-2026-5543.json"),
                    Corpus.path("osv/golang-vulndb/osv/GO-2022-0411.json"));
        }
        String dialect = kind == Kind.SQLITE ? "sqlite" : "postgresql";
        try (Connection c = DriverManager.getConnection(kind == Kind.SQLITE ? "jdbc:sqlite:" + location : location);
                Statement s = c.createStatement()) {
            // what a graph of the previous release holds: keys as the old rules wrote them, and a finding that the
            // old rules gave and the new ones do not (here: the goutils advisory on the ntlmssp version)
            s.executeUpdate("UPDATE advisory_affected SET match_key = 'Go|github.com/Azure/go-ntlmssp'"
                    + " WHERE match_key = 'Go|github.com/azure/go-ntlmssp'");
            s.executeUpdate("DELETE FROM finding");
            s.executeUpdate("""
                    INSERT INTO finding (package_version_id, advisory_id, status, decided_by, fixed)
                    SELECT pv.id, a.id, 'affected', 'an older rule', '[]' FROM package_version pv, advisory a
                    WHERE a.osv_id = 'GO-2022-0411' AND pv.purl LIKE '%go-ntlmssp%'""");
            // V9's updates and deletes as an upgrade runs them; its new tables exist already, this store being current
            for (String statement : statements("db/migration/" + dialect + "/V9__matching_rules.sql")) {
                if (!statement.startsWith("CREATE ")) {
                    s.execute(statement);
                }
            }
        }
        try (Supplygraph graph = Supplygraph.open(location)) {
            // any advisory import: GHSA-xvch-5gv4-984h is about npm's minimist, which this graph does not hold
            GoMatchingTest.importOsv(graph, Corpus.path("osv/ghsa-sample/GHSA-xvch-5gv4-984h.json"));
            // GO-2026-5543.json: github.com/Azure/go-ntlmssp, introduced 0, fixed 0.1.1
            assertThat(graph.vulns(new Query(null, null, null, true)))
                    .extracting(Finding::id, Finding::status)
                    .containsExactly(tuple("GO-2026-5543", FindingStatus.AFFECTED));
        }
    }

    /** A migration's statements, comments left out. */
    private static List<String> statements(String resource) throws IOException {
        try (InputStream in = RematchAfterUpgradeTest.class.getClassLoader().getResourceAsStream(resource)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return java.util.Arrays.stream(sql.split(";")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        }
    }
}
