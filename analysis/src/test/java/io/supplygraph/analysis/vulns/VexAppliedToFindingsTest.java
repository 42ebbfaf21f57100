package io.supplygraph.analysis.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.vulns.Vulns.Query;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * VEX decides the status of findings: a vendor's not_affected statement hides a finding until --all, a newer
 * statement overrides an older one, and a statement made under an alias (CVE) applies to the advisory's own id
 * (GHSA). The advisory is the corpus's GHSA-jfh8-c2jp-5v3q (log4j-core 2.13.0 to 2.15.0, alias CVE-2021-44228).
 */
class VexAppliedToFindingsTest {

    private static final String APP = "pkg:generic/acme/app@1.0";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    @TempDir
    Path tmp;

    private Path openVex(String name, String status, String timestamp) throws Exception {
        Path file = tmp.resolve(name);
        String justification = status.equals("not_affected")
                ? ",\"justification\":\"vulnerable_code_not_in_execute_path\"" : "";
        Files.writeString(file, """
                {"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://acme.example/vex/%s","author":"Acme",
                 "timestamp":"%s","version":1,
                 "statements":[{"vulnerability":{"name":"CVE-2021-44228"},
                   "products":[{"@id":"%s","subcomponents":[{"@id":"%s"}]}],
                   "status":"%s"%s}]}
                """.formatted(name, timestamp, APP, LOG4J, status, justification));
        return file;
    }

    private static void ingest(Supplygraph graph, Path file) {
        assertThat(graph.ingest(List.of(file.toString()), InputStream.nullInputStream(), new IngestListener() {})
                .rejected()).isZero();
    }

    private static Finding log4shell(Supplygraph graph, boolean all) {
        return graph.vulns(new Query(null, LOG4J, null, all)).stream()
                .filter(f -> f.id().equals("GHSA-jfh8-c2jp-5v3q")).findFirst().orElse(null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void notAffectedHidesTheFindingUntilAllAndANewerStatementWins(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "app.cdx.json", APP, LOG4J));
            graph.importAdvisories(List.of(Corpus.path("osv/ghsa-sample/GHSA-jfh8-c2jp-5v3q.json").toString()),
                    InputStream.nullInputStream(), new IngestListener() {});
            assertThat(log4shell(graph, false).status()).isEqualTo(FindingStatus.AFFECTED);

            ingest(graph, openVex("old.json", "not_affected", "2026-01-01T00:00:00Z"));
            assertThat(log4shell(graph, false)).as("not_affected is hidden by default").isNull();
            Finding hidden = log4shell(graph, true);
            assertThat(hidden.status()).isEqualTo(FindingStatus.NOT_AFFECTED);
            assertThat(hidden.justification()).isEqualTo("vulnerable_code_not_in_execute_path");

            ingest(graph, openVex("new.json", "affected", "2026-06-01T00:00:00Z"));
            assertThat(log4shell(graph, false).status()).as("the newer statement wins").isEqualTo(FindingStatus.AFFECTED);
            assertThat(graph.vuln("CVE-2021-44228").applications()).extracting(a -> a.subject()).contains(APP);
        }
    }

    private Path notAffectedIn(String name, String product, String timestamp) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, """
                {"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.org/vex/%s","author":"Vendor",
                 "timestamp":"%s","version":1,
                 "statements":[{"vulnerability":{"name":"CVE-2021-44906"},
                   "products":[{"@id":"%s","subcomponents":[{"@id":"%s"}]}],
                   "status":"not_affected","justification":"vulnerable_code_not_in_execute_path"}]}
                """.formatted(name, timestamp, product, MINIMIST));
        return file;
    }

    private static final String MINIMIST = "pkg:npm/minimist@1.2.5";
    private static final String JUICE_SHOP = "pkg:npm/juice-shop@11.1.2";
    private static final String PROTONMAIL = "pkg:npm/protonmail-web@4.0.0";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStatementScopedToOneApplicationLeavesTheOthersAffected(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Path juice = Sboms.write(tmp, "juice.cdx.json", JUICE_SHOP, MINIMIST);
            Path proton = Sboms.write(tmp, "proton.cdx.json", PROTONMAIL, MINIMIST);
            ingest(graph, juice);
            ingest(graph, proton);
            // GHSA-xvch-5gv4-984h.json: npm minimist, introduced 1.0.0, fixed 1.2.6; alias CVE-2021-44906
            graph.importAdvisories(List.of(Corpus.path("osv/ghsa-sample/GHSA-xvch-5gv4-984h.json").toString()),
                    InputStream.nullInputStream(), new IngestListener() {});
            ingest(graph, notAffectedIn("juice-vex.json", JUICE_SHOP, "2026-01-01T00:00:00Z"));

            Finding f = graph.vulns(new Query(null, MINIMIST, null, false)).get(0);
            assertThat(f.id()).isEqualTo("GHSA-xvch-5gv4-984h");
            assertThat(f.status()).as("protonmail-web made no statement: affected there").isEqualTo(FindingStatus.AFFECTED);
            assertThat(f.notAffectedIn()).extracting(Finding.Container::subject).containsExactly(JUICE_SHOP);
            assertThat(f.affectedIn()).extracting(Finding.Container::subject).containsExactly(PROTONMAIL);
            assertThat(f.justification()).isNull();
            assertThat(graph.vuln("CVE-2021-44906").applications()).extracting(a -> a.subject())
                    .as("the blast radius leaves out the application that is not affected").containsExactly(PROTONMAIL);

            ingest(graph, notAffectedIn("proton-vex.json", PROTONMAIL, "2026-01-02T00:00:00Z"));
            assertThat(graph.vulns(new Query(null, MINIMIST, null, false))).as("every application says not_affected")
                    .isEmpty();
            Finding hidden = graph.vulns(new Query(null, MINIMIST, null, true)).get(0);
            assertThat(hidden.status()).isEqualTo(FindingStatus.NOT_AFFECTED);
            assertThat(hidden.notAffectedIn()).extracting(Finding.Container::subject)
                    .containsExactly(JUICE_SHOP, PROTONMAIL);
            assertThat(hidden.affectedIn()).isEmpty();
            assertThat(hidden.justification()).isEqualTo("vulnerable_code_not_in_execute_path");
        }
    }
}
