package io.supplygraph.analysis.vulns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.vulns.Vulns.Query;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Findings whose own advisories rate nothing (Go's and PyPA's records carry no severity) take the rating of another
 * advisory that shares an id or alias, else of the CVE Program's record for a CVE alias; what nothing rates is
 * {@code unrated}, sorted below every rating and never taken for a low one.
 */
class SeverityFromElsewhereTest {

    @TempDir
    Path tmp;

    private static final String HYPER = "pkg:cargo/hyper@0.14.9";
    private static final String COMPRESS = "pkg:maven/org.apache.commons/commons-compress@1.21";
    private static final String GOUTILS = "pkg:golang/github.com/Masterminds/goutils@v1.0.0";

    private Path records() throws Exception {
        Path folder = tmp.resolve("osv");
        // RUSTSEC-2021-0079-shaped: hyper < 0.14.10, alias CVE-2021-32714, no severity of its own
        Sboms.osv(folder, "RUSTSEC-2021-0079", "2021-07-08T00:00:00Z", "\"aliases\":[\"CVE-2021-32714\"],", """
                {"package":{"ecosystem":"crates.io","name":"hyper"},
                 "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.14.10"}]}]}""");
        // commons-compress before 1.26.0, alias CVE-2024-26308, unrated; the CVE record rates it only in words
        Sboms.osv(folder, "TEST-COMPRESS", "2024-02-20T00:00:00Z", "\"aliases\":[\"CVE-2024-26308\"],", """
                {"package":{"ecosystem":"Maven","name":"org.apache.commons:commons-compress"},
                 "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.21"},{"fixed":"1.26.0"}]}]}""");
        // a GHSA record for GO-2022-0411's CVE that matches nothing here, with a CVSS 3.1 vector whose base score
        // is 7.5 (C:H alone over the network, by the CVSS 3.1 specification's formula)
        Sboms.osv(folder, "GHSA-xg2h-wx96-xgxr", "2022-07-01T00:00:00Z", """
                "aliases":["CVE-2021-4238"],
                "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],""", """
                {"package":{"ecosystem":"Go","name":"github.com/Masterminds/goutils"},
                 "ranges":[{"type":"SEMVER","events":[{"introduced":"1.1.0"},{"fixed":"1.1.1"}]}]}""");
        return folder;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAliasOrTheCveRecordRatesWhatTheAdvisoryDoesNot(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            GoMatchingTest.ingest(graph, Sboms.write(tmp, "app.cdx.json", "pkg:generic/acme/app@1.0", HYPER,
                    COMPRESS, GOUTILS));
            GoMatchingTest.importOsv(graph, records(), Corpus.path("osv/golang-vulndb/osv/GO-2022-0411.json"));
            assertThat(graph.vulns(new Query(null, HYPER, null, false)).get(0).severity())
                    .as("before the CVE records: unrated").isEqualTo(Severity.UNRATED);

            IngestSummary cves = graph.importCves(List.of(Corpus.path("cve5").toString()),
                    InputStream.nullInputStream(), new IngestListener() {});
            assertThat(cves.stored()).isEqualTo(7);
            assertThat(cves.skipped()).isEqualTo(2); // LICENSE.trustification+trustify and SOURCES.md
            assertThat(cves.rejected()).isZero();

            assertThat(graph.vulns(new Query(null, null, null, false)))
                    .extracting(Finding::id, Finding::severity, Finding::score, Finding::severitySource)
                    .containsExactly(
                            // GHSA-xg2h-wx96-xgxr (written above) shares CVE-2021-4238 with GO-2022-0411.json
                            tuple("GO-2022-0411", Severity.HIGH, 7.5, "GHSA-xg2h-wx96-xgxr"),
                            // cve5/CVE-2021-32714.json: CNA cvssV3_1 5.9 MEDIUM
                            tuple("RUSTSEC-2021-0079", Severity.MEDIUM, 5.9, "cve"),
                            // cve5/CVE-2024-26308.json: "moderate" only as text, no CVSS: unrated, listed last
                            tuple("TEST-COMPRESS", Severity.UNRATED, null, null));
            assertThat(graph.vulns(new Query(null, null, Severity.NONE, false))).extracting(Finding::id)
                    .as("every rated finding, and no unrated one").containsExactly("GO-2022-0411", "RUSTSEC-2021-0079");
        }
    }
}
