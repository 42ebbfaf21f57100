package io.supplygraph.analysis.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.view.VulnReport;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.analysis.vulns.Vulns.Query;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Matching against real advisories from the corpus. Each expected answer names the advisory file and the range
 * in it that gives the answer; rules the corpus has no example of are checked with records the test writes.
 */
class VulnMatchingTest {

    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    @TempDir
    Path tmp;

    private static void ingest(Supplygraph graph, Path... files) {
        var summary = graph.ingest(java.util.Arrays.stream(files).map(Path::toString).toList(),
                InputStream.nullInputStream(), new IngestListener() {});
        assertThat(summary.rejected()).isZero();
    }

    private static IngestSummary importOsv(Supplygraph graph, Path... sources) {
        return graph.importAdvisories(java.util.Arrays.stream(sources).map(Path::toString).toList(),
                InputStream.nullInputStream(), new IngestListener() {});
    }

    private static Map<String, Finding> byId(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::id, Function.identity()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void versionBeyondTheFirstPageOfAnSbomIsMatched(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            importOsv(graph, Corpus.path("osv/ghsa-sample/GHSA-jfh8-c2jp-5v3q.json"));
            // generic purls sort before maven ones, so log4j gets an id after a page of them
            String[] components = new String[VulnMatcher.PAGE + 2];
            for (int i = 0; i <= VulnMatcher.PAGE; i++) {
                components[i] = "pkg:generic/filler-" + i + "@1";
            }
            components[VulnMatcher.PAGE + 1] = LOG4J;
            ingest(graph, Sboms.write(tmp, "large.cdx.json", "pkg:generic/acme/large@1.0", components));

            assertThat(graph.vulns(new Query(null, LOG4J, null, false))).extracting(Finding::id)
                    .containsExactly("GHSA-jfh8-c2jp-5v3q");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void log4jCore2141IsAffectedByTheLog4ShellAdvisoriesWithTheirFixedVersions(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "app.cdx.json", "pkg:generic/acme/app@1.0", LOG4J,
                    "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"));
            IngestSummary summary = importOsv(graph, Corpus.path("osv/ghsa-sample"));
            assertThat(summary.rejected()).isZero();
            assertThat(summary.skipped()).isEqualTo(2); // MANIFEST.tsv and SOURCES.md

            Map<String, Finding> found = byId(graph.vulns(new Query(null, LOG4J, null, false)));
            // GHSA-jfh8-c2jp-5v3q.json: range introduced 2.13.0, fixed 2.15.0; alias CVE-2021-44228;
            // CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0 in the CVSS 3.1 specification's formula
            Finding log4shell = found.get("GHSA-jfh8-c2jp-5v3q");
            assertThat(log4shell.aliases()).containsExactly("CVE-2021-44228");
            assertThat(log4shell.fixed()).containsExactly("2.15.0");
            assertThat(log4shell.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(log4shell.score()).isEqualTo(10.0);
            assertThat(log4shell.status()).isEqualTo(FindingStatus.AFFECTED);
            assertThat(log4shell.kind()).isEqualTo(AdvisoryFacts.Kind.VULNERABILITY);
            assertThat(log4shell.documents()).extracting(Finding.Container::subject)
                    .containsExactly("pkg:generic/acme/app@1.0");
            // GHSA-7rjr-3q55-vv33.json: 2.13.0..2.16.0; GHSA-p6xc-xr62-6r2g.json: 2.13.0..2.17.0;
            // GHSA-8489-44mv-ggj8.json: 2.13.0..2.17.1
            assertThat(found.get("GHSA-7rjr-3q55-vv33").fixed()).containsExactly("2.16.0");
            assertThat(found.get("GHSA-p6xc-xr62-6r2g").fixed()).containsExactly("2.17.0");
            assertThat(found.get("GHSA-8489-44mv-ggj8").fixed()).containsExactly("2.17.1");
            assertThat(found).hasSize(4);
            // 2.17.1 is the fixed version of the last of them, so no log4j-core advisory in the sample covers it
            assertThat(graph.vulns(new Query(null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1", null, true)))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void advisoriesFirstOrSbomsFirstGiveTheSameFindings(Kind kind) throws Exception {
        Path sbom = Sboms.write(tmp, "web.cdx.json", "pkg:generic/acme/web@1.0", "pkg:npm/minimist@1.2.5",
                "pkg:pypi/Flask_Cors@3.0.8", "pkg:nuget/newtonsoft.json@12.0.1", "pkg:golang/github.com/gin-gonic/gin@v1.5.0");
        List<String> sbomFirst;
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, sbom);
            importOsv(graph, Corpus.path("osv/ghsa-sample"), Corpus.path("osv/golang-vulndb/osv/GO-2020-0001.json"));
            sbomFirst = graph.vulns(new Query(null, null, null, true)).stream()
                    .map(f -> f.purl() + " " + f.id() + " " + f.fixed()).toList();
        }
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            importOsv(graph, Corpus.path("osv/ghsa-sample"), Corpus.path("osv/golang-vulndb/osv/GO-2020-0001.json"));
            ingest(graph, sbom);
            assertThat(graph.vulns(new Query(null, null, null, true)).stream()
                    .map(f -> f.purl() + " " + f.id() + " " + f.fixed()).toList())
                    .containsExactlyInAnyOrderElementsOf(sbomFirst);
        }
        assertThat(sbomFirst).containsExactlyInAnyOrder(
                // GHSA-xvch-5gv4-984h.json: npm minimist, introduced 1.0.0, fixed 1.2.6
                "pkg:npm/minimist@1.2.5 GHSA-xvch-5gv4-984h [1.2.6]",
                // GHSA-xc3p-ff3m-f46v.json: PyPI Flask-Cors (PEP 503: flask-cors = Flask_Cors), fixed 3.0.9;
                // GHSA-84pr-m4jr-85g5.json and GHSA-hxwh-jpp2-84pm.json: flask-cors, last_affected 4.0.0 / 4.0.1
                "pkg:pypi/flask-cors@3.0.8 GHSA-xc3p-ff3m-f46v [3.0.9]",
                "pkg:pypi/flask-cors@3.0.8 GHSA-84pr-m4jr-85g5 []",
                "pkg:pypi/flask-cors@3.0.8 GHSA-hxwh-jpp2-84pm []",
                // GHSA-5crp-9r3c-p9vr.json: NuGet Newtonsoft.Json (case-insensitive), fixed 13.0.1
                "pkg:nuget/newtonsoft.json@12.0.1 GHSA-5crp-9r3c-p9vr [13.0.1]",
                // GO-2020-0001.json: github.com/gin-gonic/gin, SEMVER introduced 0, fixed 1.6.0 (purl v1.5.0)
                "pkg:golang/github.com/gin-gonic/gin@v1.5.0 GO-2020-0001 [1.6.0]");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pypaYamlRecordsDecideByVersionEvenBesideACommitRange(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "py.cdx.json", "pkg:generic/acme/py@1.0", "pkg:pypi/requests@2.30.0",
                    "pkg:pypi/requests@2.31.0"));
            IngestSummary summary = importOsv(graph, Corpus.path("osv/pypa-advisory-database/vulns/requests"));
            assertThat(summary.stored()).isEqualTo(5);
            // PYSEC-2023-74.yaml: GIT range plus ECOSYSTEM introduced 2.3.0, fixed 2.31.0
            assertThat(byId(graph.vulns(new Query(null, "pkg:pypi/requests@2.30.0", null, false))))
                    .containsKey("PYSEC-2023-74");
            // 2.31.0 is outside the ECOSYSTEM range: not affected, and not "unknown" because of the commit range
            assertThat(byId(graph.vulns(new Query(null, "pkg:pypi/requests@2.31.0", null, true))))
                    .doesNotContainKey("PYSEC-2023-74");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void maliciousPackagesComeFirstWhateverTheSeverityFilter(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "rust.cdx.json", "pkg:generic/acme/rust@1.0",
                    "pkg:cargo/rustdecimal@1.23.1", "pkg:npm/minimist@1.2.5"));
            importOsv(graph, Corpus.path("osv/malicious-sample"), Corpus.path("osv/ghsa-sample"));
            List<Finding> all = graph.vulns(new Query(null, null, Severity.CRITICAL, false));
            // MAL-2022-1.json: crates.io rustdecimal, SEMVER introduced 0: every version is malware
            assertThat(all.get(0).id()).isEqualTo("MAL-2022-1");
            assertThat(all.get(0).kind()).isEqualTo(AdvisoryFacts.Kind.MALICIOUS);
            assertThat(all.get(0).aliases()).containsExactly("GHSA-7pwq-f4pq-78gm");
            assertThat(graph.malicious()).extracting(m -> m.purl())
                    .containsExactly("pkg:cargo/rustdecimal@1.23.1");
            assertThat(graph.malicious().get(0).applications()).extracting(a -> a.subject())
                    .containsExactly("pkg:generic/acme/rust@1.0");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewerRecordReplacesAnOlderOneAndWithdrawingRetractsItsFindings(Kind kind) throws Exception {
        String entry = """
                {"package":{"ecosystem":"npm","name":"@acme/left-pad"},
                 "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"%s"}]}]}""";
        Path v1 = Sboms.osv(tmp.resolve("v1"), "TEST-1", "2024-01-01T00:00:00Z", "", entry.formatted("2.0.0"));
        Path v2 = Sboms.osv(tmp.resolve("v2"), "TEST-1", "2024-02-01T00:00:00Z", "", entry.formatted("1.1.0"));
        Path gone = Sboms.osv(tmp.resolve("v3"), "TEST-1", "2024-03-01T00:00:00Z",
                "\"withdrawn\":\"2024-03-01T00:00:00Z\",", entry.formatted("2.0.0"));
        String purl = "pkg:npm/%40acme/left-pad@1.5.0";
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "js.cdx.json", "pkg:generic/acme/js@1.0", purl));
            importOsv(graph, v1);
            assertThat(graph.vulns(new Query(null, purl, null, false))).extracting(Finding::fixed)
                    .containsExactly(List.of("2.0.0"));
            importOsv(graph, v2); // newer: 1.5.0 is past its fix
            assertThat(graph.vulns(new Query(null, purl, null, true))).isEmpty();
            importOsv(graph, v1); // older than what is stored: ignored
            assertThat(graph.vulns(new Query(null, purl, null, true))).isEmpty();
            importOsv(graph, gone);
            assertThat(graph.vulns(new Query(null, purl, null, true))).isEmpty();
            assertThat(graph.vuln("TEST-1").advisories().get(0).withdrawn()).isEqualTo("2024-03-01T00:00:00Z");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCommitRangeAloneGivesAnUnknownFindingShownOnlyWithAll(Kind kind) throws Exception {
        Path record = Sboms.osv(tmp.resolve("git"), "TEST-GIT", "2024-01-01T00:00:00Z", "", """
                {"package":{"ecosystem":"PyPI","name":"acme-lib"},
                 "ranges":[{"type":"GIT","repo":"https://example.org/acme","events":[{"introduced":"0"},{"fixed":"abc123"}]}]}""");
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "py.cdx.json", "pkg:generic/acme/py@1.0", "pkg:pypi/acme.lib@1.0"));
            importOsv(graph, record);
            assertThat(graph.vulns(new Query(null, null, null, false))).isEmpty();
            assertThat(graph.vulns(new Query(null, null, null, true))).extracting(Finding::id, Finding::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("TEST-GIT", FindingStatus.UNKNOWN));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void distributionAdvisoriesMatchTheSourcePackageOfTheirReleaseOnly(Kind kind) throws Exception {
        Path debian = Sboms.osv(tmp.resolve("distro"), "DSA-TEST", "2024-01-01T00:00:00Z", "", """
                {"package":{"ecosystem":"Debian:12","name":"openssl"},
                 "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.11-1~deb12u2"}]}]}""");
        Path alpine = Sboms.osv(tmp.resolve("distro"), "ALPINE-TEST", "2024-01-01T00:00:00Z", "", """
                {"package":{"ecosystem":"Alpine:v3.18","name":"openssl"},
                 "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.1.4-r0"}]}]}""");
        String bookworm = "pkg:deb/debian/libssl3@3.0.11-1~deb12u1?distro=debian-12&upstream=openssl";
        String bullseye = "pkg:deb/debian/libssl1.1@1.1.1w-0+deb11u1?distro=debian-11&upstream=openssl";
        String alpineLib = "pkg:apk/alpine/libcrypto3@3.1.2-r0?distro=alpine-3.18.4&upstream=openssl";
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "img.cdx.json", "pkg:generic/acme/img@1.0", bookworm, bullseye, alpineLib));
            importOsv(graph, tmp.resolve("distro"));
            assertThat(graph.vulns(new Query(null, null, null, true)))
                    .extracting(f -> f.id() + " " + f.purl())
                    .containsExactlyInAnyOrder(
                            "DSA-TEST " + io.supplygraph.model.PackageIdentity.fromPurl(bookworm).purl(),
                            "ALPINE-TEST " + io.supplygraph.model.PackageIdentity.fromPurl(alpineLib).purl());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aVulnerabilityByAnyIdHasItsBlastRadius(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "a.cdx.json", "pkg:generic/acme/a@1.0", LOG4J),
                    Sboms.write(tmp, "b.cdx.json", "pkg:generic/acme/b@1.0", "pkg:npm/minimist@1.2.5"));
            importOsv(graph, Corpus.path("osv/ghsa-sample"));
            VulnReport report = graph.vuln("CVE-2021-44228");
            assertThat(report.advisories()).extracting(a -> a.id()).containsExactly("GHSA-jfh8-c2jp-5v3q");
            assertThat(report.applications()).extracting(a -> a.subject(), a -> a.path())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("pkg:generic/acme/a@1.0",
                            List.of("pkg:generic/acme/a@1.0", LOG4J)));
        }
    }
}
