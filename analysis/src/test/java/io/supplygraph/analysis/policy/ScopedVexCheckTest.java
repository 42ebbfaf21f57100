package io.supplygraph.analysis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.view.Violation;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A VEX statement scoped to one application (its purl as the product, the package as a subcomponent) settles a
 * finding there only, and the check of that one application agrees with the check of the whole portfolio, and its
 * fix plan proposes no upgrade for it: for {@code not_affected} and for {@code fixed} alike.
 */
class ScopedVexCheckTest {

    private static final String RULE = "no-fixable-critical-or-kev";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final String SETTLED = "pkg:generic/acme/settled@1.0";
    private static final String EXPOSED = "pkg:generic/acme/exposed@1.0";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"SQLITE, fixed", "SQLITE, not_affected", "POSTGRESQL, fixed", "POSTGRESQL, not_affected"})
    void aStatementForOneApplicationSettlesTheFindingThereAndInThePortfolioCheckAlike(Kind kind, String status)
            throws Exception {
        Path vex = Files.writeString(tmp.resolve("settled.vex.json"), """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "settled-vex", "author": "test",
                 "timestamp": "2026-11-01T00:00:00Z",
                 "statements": [{"vulnerability": {"name": "CVE-2021-44228"},
                                 "products": [{"@id": "%s", "subcomponents": [{"@id": "%s"}]}],
                                 "status": "%s", "justification": "vulnerable_code_not_in_execute_path",
                                 "timestamp": "2026-11-01T00:00:00Z"}]}
                """.formatted(SETTLED, LOG4J, status));
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            List<String> files = List.of(
                    Apps.subject(SETTLED).direct(LOG4J, "Apache-2.0").write(tmp, "settled.cdx.json").toString(),
                    Apps.subject(EXPOSED).direct(LOG4J, "Apache-2.0").write(tmp, "exposed.cdx.json").toString(),
                    vex.toString(),
                    // GHSA-jfh8-c2jp-5v3q: log4j-core 2.13.0 to 2.15.0, critical, alias CVE-2021-44228
                    Corpus.path("osv/ghsa-sample/GHSA-jfh8-c2jp-5v3q.json").toString());
            assertThat(graph.ingest(files, InputStream.nullInputStream(), new IngestListener() {}).rejected())
                    .isZero();

            assertThat(log4jViolations(graph, new PolicyCheck.Scope(digest(graph, SETTLED), null))).isEmpty();
            assertThat(log4jViolations(graph, new PolicyCheck.Scope(digest(graph, EXPOSED), null)))
                    .extracting(Violation::subject).containsExactly(EXPOSED);
            assertThat(log4jViolations(graph, new PolicyCheck.Scope(null, null)))
                    .as("the portfolio check agrees").extracting(Violation::subject).containsExactly(EXPOSED);
            assertThat(graph.fix(digest(graph, SETTLED))).as("nothing to upgrade where it is settled")
                    .noneMatch(u -> LOG4J.startsWith(u.packagePurl() + "@"));
            assertThat(graph.fix(digest(graph, EXPOSED))).anyMatch(u -> LOG4J.startsWith(u.packagePurl() + "@"));
        }
    }

    private static List<Violation> log4jViolations(Supplygraph graph, PolicyCheck.Scope scope) {
        PolicyReport report = graph.check(CompiledPolicy.compile(PolicyFile.read(ExamplePolicyTest.EXAMPLE)), scope,
                LocalDate.of(2026, 11, 30));
        return report.rules().stream().filter(r -> r.name().equals(RULE)).findFirst().orElseThrow().violations()
                .stream().filter(v -> LOG4J.equals(v.purl())).toList();
    }

    private static String digest(Supplygraph graph, String subject) {
        return graph.documents().stream().filter(d -> subject.equals(d.subjectPurl())).findFirst().orElseThrow()
                .digest();
    }
}
