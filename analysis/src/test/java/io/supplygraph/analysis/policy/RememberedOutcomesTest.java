package io.supplygraph.analysis.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.view.PolicyReport.RuleOutcome;
import io.supplygraph.analysis.view.Violation;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A portfolio check evaluates a rule once per distinct package or finding and remembers the outcome for every other
 * application that has it, and binds a variable only when a rule reads it: it must find exactly what checking each
 * application on its own finds. Two applications share two vulnerable versions, listed differently (directly in one,
 * transitively in the other; under another licence), and each kind of rule reads a different mix of variables.
 */
class RememberedOutcomesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String WEB = "pkg:generic/acme/web@1.0";
    private static final String API = "pkg:generic/acme/api@1.0";
    private static final String MINIMIST = "pkg:npm/minimist@1.2.5";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPortfolioCheckFindsWhatEachApplicationsOwnCheckFinds(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            List<String> files = List.of(
                    Apps.subject(WEB).direct(MINIMIST, "MIT").direct("pkg:npm/left-pad@1.3.0", "MIT")
                            .transitive(LOG4J, "Apache-2.0").write(tmp, "web.cdx.json").toString(),
                    Apps.subject(API).direct("pkg:npm/left-pad@1.3.0", "MIT").direct(LOG4J, "Apache-2.0")
                            .transitive(MINIMIST, "GPL-2.0-only").write(tmp, "api.cdx.json").toString());
            assertThat(graph.ingest(files, InputStream.nullInputStream(), new IngestListener() {}).rejected())
                    .isZero();
            // GHSA-xvch-5gv4-984h: minimist below 1.2.6, critical; GHSA-jfh8-c2jp-5v3q: log4j-core, critical, fixed
            graph.importAdvisories(List.of(Corpus.path("osv/ghsa-sample/GHSA-xvch-5gv4-984h.json").toString(),
                    Corpus.path("osv/ghsa-sample/GHSA-jfh8-c2jp-5v3q.json").toString()),
                    InputStream.nullInputStream(), new IngestListener() {});
            Path file = Files.writeString(tmp.resolve("policy.yaml"), """
                    rules:
                      - name: finding-only
                        when: finding.severity == "critical" && size(finding.fixed) > 0
                        action: fail
                        message: m
                      - name: finding-and-package
                        when: finding.severity == "critical" && pkg.direct
                        action: fail
                        message: m
                      - name: finding-and-document
                        when: finding.kind == "vulnerability" && document.subject.contains("web")
                        action: warn
                        message: m
                      - name: package-licence
                        when: pkg.licences.exists(l, l.matches("GPL"))
                        action: fail
                        message: m
                      - name: package-and-scorecard
                        when: pkg.direct && !has(scorecard.score)
                        action: warn
                        message: m
                      - name: document-only
                        when: document.subject.contains("api")
                        action: warn
                        message: m
                      - name: not-a-boolean
                        when: finding.id
                        action: warn
                        message: m
                    waivers:
                      - rule: finding-only
                        match: "pkg:npm/minimist"
                        reason: r
                        expires: 2026-12-31
                    """);
            CompiledPolicy policy = CompiledPolicy.compile(PolicyFile.read(file));

            PolicyReport portfolio = graph.check(policy, PolicyCheck.Scope.portfolio(), TODAY);
            assertThat(portfolio.documents()).isEqualTo(2);
            assertThat(violations(portfolio, "finding-only"))
                    .extracting(Violation::subject, Violation::purl, v -> v.waiver() != null)
                    .containsExactly(tuple(API, LOG4J, false), tuple(API, MINIMIST, true), tuple(WEB, LOG4J, false),
                            tuple(WEB, MINIMIST, true));
            assertThat(violations(portfolio, "finding-and-package")).extracting(Violation::subject, Violation::purl)
                    .containsExactly(tuple(API, LOG4J), tuple(WEB, MINIMIST));
            assertThat(violations(portfolio, "finding-and-document")).extracting(Violation::subject, Violation::purl)
                    .containsExactly(tuple(WEB, LOG4J), tuple(WEB, MINIMIST));
            assertThat(violations(portfolio, "package-licence")).extracting(Violation::subject, Violation::purl)
                    .containsExactly(tuple(API, MINIMIST));
            assertThat(violations(portfolio, "package-and-scorecard")).extracting(Violation::subject)
                    .containsExactly(API, API, WEB, WEB);
            assertThat(violations(portfolio, "document-only")).extracting(Violation::purl).containsExactly(API);
            RuleOutcome notBoolean = rule(portfolio, "not-a-boolean");
            assertThat(notBoolean.violations()).isEmpty();
            assertThat(notBoolean.evaluated()).isEqualTo(4);
            assertThat(notBoolean.errors()).isEqualTo(4);
            assertThat(rule(portfolio, "finding-only").evaluated()).isEqualTo(4);
            assertThat(rule(portfolio, "package-licence").evaluated()).isEqualTo(6);

            List<PolicyReport> each = new ArrayList<>();
            for (var d : graph.documents().stream().filter(d -> d.format().isSbom()).toList()) {
                each.add(graph.check(policy, new PolicyCheck.Scope(d.digest(), null), TODAY));
            }
            for (RuleOutcome r : portfolio.rules()) {
                List<Violation> own = new ArrayList<>();
                long evaluated = 0;
                long errors = 0;
                for (PolicyReport one : each) {
                    own.addAll(rule(one, r.name()).violations());
                    evaluated += rule(one, r.name()).evaluated();
                    errors += rule(one, r.name()).errors();
                }
                own.sort(Comparator.comparing(Violation::subject).thenComparing(Violation::purl));
                assertThat(r.violations()).as(r.name()).containsExactlyElementsOf(own);
                assertThat(r.evaluated()).as(r.name()).isEqualTo(evaluated);
                assertThat(r.errors()).as(r.name()).isEqualTo(errors);
            }
        }
    }

    private static RuleOutcome rule(PolicyReport report, String name) {
        return report.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Violation> violations(PolicyReport report, String rule) {
        return rule(report, rule).violations();
    }
}
