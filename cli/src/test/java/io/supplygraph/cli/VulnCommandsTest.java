package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** osv import, vulns, vuln and malicious as a user runs them, against the corpus's GitHub and malicious samples. */
class VulnCommandsTest {

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", tmp.resolve("graph.db").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path sbom() throws Exception {
        Path file = tmp.resolve("app.cdx.json");
        Files.writeString(file, """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"app","name":"app","purl":"pkg:generic/acme/app@1"}},
                 "components":[
                  {"type":"library","bom-ref":"a","name":"log4j-core","purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
                  {"type":"library","bom-ref":"b","name":"rustdecimal","purl":"pkg:cargo/rustdecimal@1.23.1"}]}
                """);
        return file;
    }

    @Test
    void vulnsPrintsOneJsonObjectPerPackageVersionAndVulnerability() throws Exception {
        assertThat(run("ingest", sbom().toString()).exit()).isZero();
        CliRun imported = run("osv", "import", Corpus.path("osv/ghsa-sample").toString(),
                Corpus.path("osv/malicious-sample").toString());
        assertThat(imported.exit()).isZero();
        assertThat(imported.err()).contains("skipped (not OSV)");

        CliRun vulns = run("vulns", "--json");
        assertThat(vulns.exit()).isZero();
        JsonNode rows = new ObjectMapper().readTree(vulns.out());
        // MAL-2022-1.json (rustdecimal, every version) first, then the four log4j-core 2.14.1 advisories
        assertThat(rows.get(0).get("id").asText()).isEqualTo("MAL-2022-1");
        assertThat(rows.get(0).get("kind").asText()).isEqualTo("malicious");
        assertThat(rows).hasSize(5);
        JsonNode log4shell = null;
        for (JsonNode row : rows) {
            if (row.get("id").asText().equals("GHSA-jfh8-c2jp-5v3q")) {
                log4shell = row;
            }
        }
        assertThat(log4shell).isNotNull();
        List<String> fields = new ArrayList<>();
        log4shell.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("purl", "id", "aliases", "severity", "score", "fixed", "status", "kind",
                "documents");
        assertThat(log4shell.get("fixed").get(0).asText()).isEqualTo("2.15.0");
        assertThat(log4shell.get("documents").get(0).get("subject").asText()).isEqualTo("pkg:generic/acme/app@1");

        CliRun high = run("vulns", "--severity", "critical", "--json");
        // critical per their CVSS 3.1 vectors: GHSA-jfh8 (10.0) and GHSA-7rjr (9.0); the malicious one always shows
        assertThat(new ObjectMapper().readTree(high.out())).extracting(n -> n.get("id").asText())
                .containsExactly("MAL-2022-1", "GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33");

        CliRun vuln = run("vuln", "CVE-2021-44228");
        assertThat(vuln.exit()).isZero();
        assertThat(vuln.out()).contains("GHSA-jfh8-c2jp-5v3q", "pkg:generic/acme/app@1 > pkg:maven/");

        CliRun malicious = run("malicious", "--json");
        assertThat(new ObjectMapper().readTree(malicious.out()).get(0).get("purl").asText())
                .isEqualTo("pkg:cargo/rustdecimal@1.23.1");
        assertThat(run("vuln", "CVE-0000-0000").exit()).isEqualTo(Main.EXIT_USAGE);
    }

    @Test
    void demoShowsItsOwnAdvisoriesFindingsMaliciousFirst() {
        CliRun demo = CliRun.of("demo", "--db", tmp.resolve("demo.db").toString());
        assertThat(demo.exit()).isZero();
        String findings = demo.out().substring(demo.out().indexOf("Vulnerabilities and malicious packages"),
                demo.out().indexOf("What VEX says"));
        // the demo's advisories/*.json: MAL-0000-0001 (acme-demo-colors-helper 1.0.3), SGDEMO-2021-0001 (log4j-core < 2.15.0),
        // SGDEMO-2022-0002 (minimist 1.0.0 to before 1.2.6, alias CVE-2021-44906)
        assertThat(findings.indexOf("MAL-0000-0001")).isLessThan(findings.indexOf("SGDEMO-2021-0001"));
        assertThat(findings).contains("2.15.0");
        // minimist 1.2.5 is only in web-shop, whose OpenVEX statement says CVE-2021-44906 does not affect it
        assertThat(findings).doesNotContain("SGDEMO-2022-0002");
        assertThat(CliRun.of("vulns", "--all", "--json", "--db", tmp.resolve("demo.db").toString()).out())
                .contains("SGDEMO-2022-0002", "1.2.6", "not_affected");
    }
}
