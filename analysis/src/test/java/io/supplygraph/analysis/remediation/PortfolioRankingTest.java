package io.supplygraph.analysis.remediation;

import static io.supplygraph.analysis.remediation.Apps.importOsv;
import static io.supplygraph.analysis.remediation.Apps.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.analysis.vulns.Sboms;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The portfolio ranking on a portfolio built so that its answer is known: every advisory has the same CVSS vector,
 * so an upgrade's weight is (applications) × (vulnerabilities removed) × (4 when known exploited, else 1).
 * alpha: 5 applications × 1 = 5; beta: 2 × 3 = 6; gamma: 1 × 1 × 4 (in KEV) = 4; delta: VEX says not affected.
 */
class PortfolioRankingTest {

    private static final String CRITICAL = "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":"
            + "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],";

    @TempDir
    Path tmp;

    private Path advisory(String id, String aliases, String name, String fixed) throws Exception {
        return Sboms.osv(tmp.resolve("osv"), id, "2024-01-01T00:00:00Z", CRITICAL + "\"aliases\":[" + aliases + "],",
                """
                {"package":{"ecosystem":"npm","name":"%s"},
                 "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"%s"}]}]}"""
                        .formatted(name, fixed));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void upgradesAreRankedByApplicationsTimesTheRiskTheyRemove(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            List<Path> sboms = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                List<String> components = new ArrayList<>(List.of("pkg:npm/alpha@1.0.0", "pkg:npm/delta@1.0.0"));
                if (i < 2) {
                    components.add("pkg:npm/beta@1.0.0");
                }
                if (i == 0) {
                    components.add("pkg:npm/gamma@1.0.0");
                }
                sboms.add(Apps.write(tmp, "app" + i + ".cdx.json", "pkg:generic/acme/app" + i + "@1.0",
                        components.toArray(String[]::new)));
            }
            ingest(graph, sboms.toArray(Path[]::new));
            importOsv(graph, advisory("TEST-A-1", "", "alpha", "1.0.1"), advisory("TEST-B-1", "", "beta", "1.1.0"),
                    advisory("TEST-B-2", "", "beta", "1.1.0"), advisory("TEST-B-3", "", "beta", "1.0.5"),
                    advisory("TEST-C-1", "\"CVE-2099-0001\"", "gamma", "2.0.0"),
                    advisory("TEST-D-1", "\"CVE-2099-0002\"", "delta", "1.0.1"));
            graph.importKev(new ByteArrayInputStream(ExploitFiles.kevCatalog("1", "CVE-2099-0001|2024-01-01|2024-01-21|Unknown")
                    .getBytes(StandardCharsets.UTF_8)));
            Files.writeString(tmp.resolve("vex.json"), """
                    {"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://acme.example/vex/1","author":"Acme",
                     "timestamp":"2024-02-01T00:00:00Z","version":1,
                     "statements":[{"vulnerability":{"name":"CVE-2099-0002"},"products":[{"@id":"pkg:npm/delta@1.0.0"}],
                       "status":"not_affected","justification":"vulnerable_code_not_in_execute_path"}]}
                    """);
            ingest(graph, tmp.resolve("vex.json"));

            List<PortfolioUpgrade> ranked = graph.fixPortfolio();
            assertThat(ranked).extracting(PortfolioUpgrade::packagePurl)
                    .containsExactly("pkg:npm/beta", "pkg:npm/alpha", "pkg:npm/gamma");
            assertThat(ranked).extracting(PortfolioUpgrade::applications).containsExactly(2, 5, 1);
            assertThat(ranked).extracting(PortfolioUpgrade::target).containsExactly("1.1.0", "1.0.1", "2.0.0");
            assertThat(ranked.get(0).removes()).extracting(Upgrade.Removed::id)
                    .containsExactlyInAnyOrder("TEST-B-1", "TEST-B-2", "TEST-B-3");
            assertThat(ranked.get(2).kev()).isEqualTo(1);
            // 9.8 per vulnerability: 2 × 3 × 9.8, 5 × 9.8, 1 × 4 × 9.8
            assertThat(ranked).extracting(PortfolioUpgrade::risk).containsExactly(58.8, 49.0, 39.2);
        }
    }
}
