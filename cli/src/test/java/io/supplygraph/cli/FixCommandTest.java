package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fix, kev and epss as a user runs them: against the corpus's GitHub advisories and files in the published formats. */
class FixCommandTest {

    private static final String APP = "pkg:generic/acme/payments@1.0";
    private static final String KEV = """
            {"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2026.11.29",
             "dateReleased":"2026-11-29T15:00:00.000Z","count":1,"vulnerabilities":[
              {"cveID":"CVE-2021-44228","vendorProject":"Apache","product":"Log4j2",
               "vulnerabilityName":"Apache Log4j2 Remote Code Execution Vulnerability","dateAdded":"2021-12-10",
               "shortDescription":"JNDI features do not protect against attacker-controlled LDAP endpoints.",
               "requiredAction":"Apply updates per vendor instructions.","dueDate":"2021-12-24",
               "knownRansomwareCampaignUse":"Known","notes":"","cwes":["CWE-20","CWE-400","CWE-502"]}]}
            """;
    private static final String EPSS = """
            #model_version:v2025.03.14,score_date:2026-11-29T00:00:00+0000
            cve,epss,percentile
            CVE-2021-44228,0.94358,0.99962
            CVE-2021-44906,0.00522,0.66084
            """;

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.against(tmp.resolve("graph.db"), args);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private void portfolio() throws Exception {
        Path sbom = tmp.resolve("app.cdx.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"app","name":"payments","purl":"%s"}},
                 "components":[
                  {"type":"library","bom-ref":"log4j","name":"log4j-core","purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
                  {"type":"library","bom-ref":"mkdirp","name":"mkdirp","purl":"pkg:npm/mkdirp@0.5.1"},
                  {"type":"library","bom-ref":"minimist","name":"minimist","purl":"pkg:npm/minimist@1.2.5"}],
                 "dependencies":[{"ref":"app","dependsOn":["log4j","mkdirp"]},{"ref":"mkdirp","dependsOn":["minimist"]}]}
                """.formatted(APP));
        assertThat(run("ingest", sbom.toString()).exit()).isZero();
        assertThat(run("osv", "import", Corpus.path("osv/ghsa-sample").toString()).exit()).isZero();
    }

    @Test
    void fixPrintsTheApplicationsPlanWithKevAndEpss() throws Exception {
        portfolio();
        Path kev = tmp.resolve("known_exploited_vulnerabilities.json");
        Files.writeString(kev, KEV);
        Path epss = tmp.resolve("epss_scores-2026-11-29.csv.gz");
        Files.write(epss, gzip(EPSS));
        CliRun kevImport = run("kev", "import", kev.toString(), "--json");
        assertThat(kevImport.exit()).as(kevImport.err()).isZero();
        JsonNode kevSummary = new ObjectMapper().readTree(kevImport.out()).get(0);
        assertThat(kevSummary.get("source").asText()).isEqualTo("kev");
        assertThat(kevSummary.get("entries").asInt()).isEqualTo(1);
        assertThat(run("epss", "import", epss.toString()).exit()).isZero();

        CliRun fix = run("fix", "--app", APP, "--json");
        assertThat(fix.exit()).as(fix.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(fix.out());
        // log4j-core 2.14.1: the four GHSA-sample advisories on the 2.13 branch, the last fixed in 2.17.1
        JsonNode log4j = rows.get(0);
        assertThat(log4j.get("package").asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
        assertThat(log4j.get("current").asText()).isEqualTo("2.14.1");
        assertThat(log4j.get("target").asText()).isEqualTo("2.17.1");
        assertThat(log4j.get("target_any_major").asText()).isEqualTo("2.17.1");
        assertThat(log4j.get("direct").asBoolean()).isTrue();
        assertThat(log4j.get("kev").asInt()).isEqualTo(1);
        assertThat(log4j.get("epss").asDouble()).isEqualTo(0.94358);
        assertThat(log4j.get("removes")).hasSize(4);
        assertThat(log4j.get("remaining")).isEmpty();
        // minimist 1.2.5: GHSA-xvch-5gv4-984h (introduced 1.0.0, fixed 1.2.6), brought in by mkdirp
        JsonNode minimist = rows.get(1);
        assertThat(minimist.get("package").asText()).isEqualTo("pkg:npm/minimist");
        assertThat(minimist.get("target").asText()).isEqualTo("1.2.6");
        assertThat(minimist.get("direct").asBoolean()).isFalse();
        assertThat(minimist.get("via").get(1).asText()).isEqualTo("pkg:npm/mkdirp@0.5.1");
        assertThat(minimist.get("removes").get(0).get("id").asText()).isEqualTo("GHSA-xvch-5gv4-984h");
        assertThat(minimist.get("removes").get(0).get("aliases").get(0).asText()).isEqualTo("CVE-2021-44906");

        CliRun table = run("fix", "--app", APP);
        assertThat(table.out()).startsWith("ACTION").contains("upgrade  pkg:maven/org.apache.logging.log4j/log4j-core");

        CliRun top = run("fix", "--portfolio", "--top", "1", "--csv");
        assertThat(top.exit()).isZero();
        assertThat(top.out().split("\r\n")).hasSize(2);
        assertThat(top.out()).startsWith("action,package,current,target,target_any_major,applications,direct,removes,")
                .contains("upgrade,pkg:maven/org.apache.logging.log4j/log4j-core,2.14.1,2.17.1,2.17.1,1,true,");

        CliRun kevOnly = run("vulns", "--kev", "--sort", "epss", "--json");
        JsonNode exploited = new ObjectMapper().readTree(kevOnly.out());
        assertThat(exploited).hasSize(1);
        assertThat(exploited.get(0).get("kev").get("due_date").asText()).isEqualTo("2021-12-24");
        assertThat(run("vulns", "--sort", "loudest").exit()).isEqualTo(2);
        assertThat(run("fix", "--portfolio", "--top", "0").exit()).isEqualTo(2);
    }

    @Test
    void fixManifestPrintsADiffAndApplyWritesIt() throws Exception {
        portfolio();
        Path pom = tmp.resolve("pom.xml");
        String original = """
                <project>
                    <properties>
                        <log4j2.version>2.14.1</log4j2.version>
                    </properties>
                    <dependencies>
                        <dependency>
                            <groupId>org.apache.logging.log4j</groupId>
                            <artifactId>log4j-core</artifactId>
                            <version>${log4j2.version}</version>
                        </dependency>
                    </dependencies>
                </project>
                """;
        Files.writeString(pom, original);
        CliRun diff = run("fix", "--app", APP, "--manifest", pom.toString());
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("@@ -1,6 +1,6 @@", "-        <log4j2.version>2.14.1</log4j2.version>",
                "+        <log4j2.version>2.17.1</log4j2.version>");
        assertThat(Files.readString(pom)).isEqualTo(original);

        assertThat(run("fix", "--app", APP, "--manifest", pom.toString(), "--apply").exit()).isZero();
        assertThat(Files.readString(pom)).isEqualTo(original.replace(">2.14.1<", ">2.17.1<"));

        Path packageJson = tmp.resolve("package.json");
        Files.writeString(packageJson, "{\n  \"dependencies\": {\n    \"mkdirp\": \"0.5.x\"\n  }\n}\n");
        CliRun npm = run("fix", "--app", APP, "--manifest", packageJson.toString());
        assertThat(npm.out()).contains("+  \"overrides\": {", "+    \"minimist\": \"1.2.6\"");
    }

    @Test
    void kevAndEpssSyncDownloadOnceAndSkipWhatIsUnchanged() throws Exception {
        byte[] epss = gzip(EPSS);
        AtomicInteger downloads = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feeds/known_exploited_vulnerabilities.json",
                x -> serve(x, KEV.getBytes(StandardCharsets.UTF_8), "\"kev-1\"", downloads));
        server.createContext("/epss/epss_scores-current.csv.gz", x -> serve(x, epss, "\"epss-1\"", downloads));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path cache = tmp.resolve("cache");
            CliRun first = run("kev", "sync", "--base-url", base + "/feeds/", "--cache", cache.toString(), "--json");
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(new ObjectMapper().readTree(first.out()).get(0).get("version").asText()).isEqualTo("2026.11.29");
            CliRun again = run("kev", "sync", "--base-url", base + "/feeds/", "--cache", cache.toString());
            assertThat(again.err()).contains("kev: unchanged since the last sync");

            CliRun scores = run("epss", "sync", "--base-url", base + "/epss", "--cache", cache.toString());
            assertThat(scores.exit()).as(scores.err()).isZero();
            assertThat(scores.err()).contains("epss: 2 entries imported");
            assertThat(run("epss", "sync", "--base-url", base + "/epss", "--cache", cache.toString()).err())
                    .contains("unchanged");
            assertThat(downloads.get()).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    /** Answers 304 to a request that names the current ETag, else the whole file. */
    private static void serve(HttpExchange x, byte[] body, String etag, AtomicInteger downloads) throws IOException {
        x.getResponseHeaders().set("ETag", etag);
        if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
            x.sendResponseHeaders(304, -1);
        } else {
            downloads.incrementAndGet();
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
        x.close();
    }
}
