package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: arguments in, text and exit codes out, against a real SQLite store. */
class CommandLineTest {

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.get(0).equals("demo") && !all.get(0).equals("versions") && !all.contains("--help")) {
            all.add("--db");
            all.add(tmp.resolve("graph.db").toString());
        }
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path sbom(String name, String subject, String dependency) throws Exception {
        Path file = tmp.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"bom-ref":"s","name":"s","purl":"%s"}},
                 "components":[{"bom-ref":"d","name":"d","purl":"%s"}],
                 "dependencies":[{"ref":"s","dependsOn":["d"]}]}
                """.formatted(subject, dependency));
        return file;
    }

    @Test
    void ingestExitsZeroWhenEverythingIsIngestedAndOneWhenAFileIsRejected() throws Exception {
        Path good = sbom("good.json", "pkg:generic/app@1", "pkg:npm/minimist@1.2.5");
        CliRun first = run("ingest", good.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("ingested").contains("good.json");

        Path bad = tmp.resolve("in").resolve("bad.json");
        Files.writeString(bad, "{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [ {\"SPDXID\": ");
        CliRun second = run("ingest", good.toString(), bad.toString());
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("bad.json").contains("1 already ingested").contains("1 rejected");
        assertThat(second.out()).contains("already");
    }

    @Test
    void ingestJsonEndsWithASummaryOfCountsAndRetries() throws Exception {
        Path one = sbom("one.json", "pkg:generic/one@1", "pkg:npm/minimist@1.2.5");
        Path two = sbom("two.json", "pkg:generic/two@1", "pkg:npm/minimist@1.2.5");
        CliRun first = run("ingest", "--json", one.toString(), two.toString());
        assertThat(first.exit()).isZero();
        JsonNode rows = new ObjectMapper().readTree(first.out());
        JsonNode summary = rows.get(rows.size() - 1);
        assertThat(summary.get("status").asText()).isEqualTo("summary");
        assertThat(summary.get("ingested").asInt()).isEqualTo(2);
        assertThat(summary.get("already_ingested").asInt()).isZero();
        assertThat(summary.get("not_attempted").asInt()).isZero();
        assertThat(summary.get("retries").asInt()).isZero();
        assertThat(summary.has("deadlocks")).isTrue();
        assertThat(rows.get(0).get("status").asText()).isEqualTo("ingested");

        JsonNode again = new ObjectMapper().readTree(run("ingest", "--json", one.toString(), two.toString()).out());
        assertThat(again.get(again.size() - 1).get("already_ingested").asInt()).isEqualTo(2);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(run("ingest").exit()).isEqualTo(2);
        run("ingest", sbom("a.json", "pkg:generic/app@1", "pkg:npm/minimist@1.2.5").toString());
        assertThat(run("dependents", "pkg:").exit()).isEqualTo(2);
        CliRun unknown = run("no-such-command");
        assertThat(unknown.exit()).isEqualTo(2);
    }

    @Test
    void queriesPrintStableJsonFields() throws Exception {
        run("ingest", sbom("a.json", "pkg:generic/app@1", "pkg:npm/minimist@1.2.5").toString());
        ObjectMapper json = new ObjectMapper();

        JsonNode documents = json.readTree(run("documents", "--json").out());
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).fieldNames()).toIterable()
                .contains("digest", "format", "subject", "components", "ingested");
        assertThat(documents.get(0).get("digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(documents.get(0).get("components").asInt()).isEqualTo(1);

        JsonNode dependents = json.readTree(run("dependents", "pkg:npm/minimist", "--json").out());
        assertThat(dependents).hasSize(1);
        assertThat(dependents.get(0).get("subject").asText()).isEqualTo("pkg:generic/app@1");
        assertThat(dependents.get(0).get("version").asText()).isEqualTo("1.2.5");
        assertThat(dependents.get(0).get("path")).hasSize(2);
        assertThat(dependents.get(0).fieldNames()).toIterable().contains("document");

        JsonNode stats = json.readTree(run("stats", "--json").out());
        assertThat(stats.get(0).get("documents").asInt()).isEqualTo(1);

        CliRun path = run("path", "pkg:npm/minimist@1.2.5", "pkg:generic/app@1");
        assertThat(path.exit()).isZero();
        assertThat(path.out().lines()).as("from FROM to TO: the app depends on minimist")
                .containsExactly("pkg:npm/minimist@1.2.5", "  <-depends-on-  pkg:generic/app@1");
        assertThat(run("path", "pkg:generic/app@1", "pkg:npm/minimist@1.2.5").out().lines())
                .containsExactly("pkg:generic/app@1", "  -depends-on->  pkg:npm/minimist@1.2.5");
    }

    @Test
    void limitAndOffsetPageThroughAListInItsOrderAndTheJsonStaysAnArray() throws Exception {
        for (String app : List.of("c", "a", "b")) {
            run("ingest", sbom(app + ".json", "pkg:generic/" + app + "@1", "pkg:npm/minimist@1.2.5").toString());
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode all = json.readTree(run("dependents", "pkg:npm/minimist", "--json").out());
        assertThat(all).extracting(a -> a.get("subject").asText())
                .containsExactly("pkg:generic/a@1", "pkg:generic/b@1", "pkg:generic/c@1");

        JsonNode page = json.readTree(run("dependents", "pkg:npm/minimist", "--json", "--limit", "1", "--offset", "1")
                .out());
        assertThat(page.isArray()).isTrue();
        assertThat(page).singleElement().isEqualTo(all.get(1));
        assertThat(json.readTree(run("dependents", "pkg:npm/minimist", "--json", "--offset", "2").out()))
                .containsExactly(all.get(2));
        CliRun table = run("dependents", "pkg:npm/minimist", "--limit", "2");
        assertThat(table.out()).contains("pkg:generic/b@1").doesNotContain("pkg:generic/c@1");
        assertThat(table.err()).contains("items 1 to 2 of 3")
                .contains("3 releases of 3 applications (3 documents) contain");

        CliRun zero = run("documents", "--limit", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("limit must be between 1 and 1000, not 0");
        assertThat(run("packages", "--offset", "-1").exit()).isEqualTo(2);
    }

    @Test
    void anUnknownSeverityIsAUsageErrorThatNamesTheRatings() throws Exception {
        run("ingest", sbom("a.json", "pkg:generic/app@1", "pkg:npm/minimist@1.2.5").toString());
        CliRun severe = run("vulns", "--severity", "severe");
        assertThat(severe.exit()).isEqualTo(2);
        assertThat(severe.err()).contains("unknown severity 'severe'; one of none, low, medium, high, critical");
        assertThat(run("vulns", "--severity", "HIGH").exit()).isZero();
    }

    @Test
    void packagesJsonPrintsANonAsciiPurlAsTheSpecificationSpellsIt() throws Exception {
        run("ingest", sbom("emoji.json", "pkg:generic/app@1", "pkg:npm/%F0%9F%92%A9-pkg@1").toString());

        CliRun packages = run("packages", "--json");
        JsonNode rows = new ObjectMapper().readTree(packages.out());

        assertThat(packages.out()).doesNotContain("%FFFFFF");
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("purl").asText()).isEqualTo("pkg:npm/%F0%9F%92%A9-pkg@1");
            assertThat(row.get("name").asText()).isEqualTo("\uD83D\uDCA9-pkg");
        });
        JsonNode dependents = new ObjectMapper().readTree(
                run("dependents", "pkg:npm/\uD83D\uDCA9-pkg@1", "--json").out());
        assertThat(dependents.get(0).get("path").get(1).asText()).isEqualTo("pkg:npm/%F0%9F%92%A9-pkg@1");
    }

    @Test
    void vexListsTheStatementInForceForAPackage() throws Exception {
        Path older = tmp.resolve("in").resolve("old.vex.json");
        Path newer = tmp.resolve("in").resolve("new.vex.json");
        Files.createDirectories(older.getParent());
        String vex = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "%s", "author": "t",
                 "statements": [{"vulnerability": {"name": "CVE-2021-44228", "aliases": ["GHSA-jfh8-c2jp-5v3q"]},
                   "products": ["pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"],
                   "status": "%s", "timestamp": "%s"}]}
                """;
        Files.writeString(older, vex.formatted("a", "under_investigation", "2024-01-01T00:00:00Z"));
        Files.writeString(newer, vex.formatted("b", "not_affected", "2024-03-01T00:00:00Z"));
        assertThat(run("ingest", older.toString(), newer.toString()).exit()).isZero();

        JsonNode rows = new ObjectMapper().readTree(
                run("vex", "--purl", "pkg:maven/org.apache.logging.log4j/log4j-core", "--vuln", "ghsa-jfh8-c2jp-5v3q",
                        "--json").out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("status").asText()).isEqualTo("not_affected");
        assertThat(rows.get(0).get("timestamp").asText()).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(run("vex", "--purl", "pkg:npm/other").out()).doesNotContain("CVE-2021-44228");
    }

    @Test
    void documentsDeleteRemovesTheDocument() throws Exception {
        run("ingest", sbom("a.json", "pkg:generic/app@1", "pkg:npm/minimist@1.2.5").toString());
        String digest = new ObjectMapper().readTree(run("documents", "--json").out()).get(0).get("digest").asText();

        assertThat(run("documents", "delete", digest.substring(0, 20), "--yes").exit()).isZero();
        assertThat(run("dependents", "pkg:npm/minimist", "--json").out().strip()).isEqualTo("[ ]");
        assertThat(run("documents", "delete", digest).exit()).isEqualTo(2);
    }

    @Test
    void provenanceAndScorecardPrintStableJsonFields() throws Exception {
        String digest = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
        Path image = tmp.resolve("in").resolve("image.json");
        Files.createDirectories(image.getParent());
        Files.writeString(image, """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "metadata":{"component":{"bom-ref":"i","name":"img","purl":"pkg:oci/img@1"}},
                 "components":[{"bom-ref":"h","name":"hello","purl":"pkg:generic/hello@1",
                   "hashes":[{"alg":"SHA-256","content":"%s"}],
                   "externalReferences":[{"type":"vcs","url":"https://github.com/octo/hello.git"}]}]}
                """.formatted(digest));
        Path slsa = tmp.resolve("in").resolve("hello.intoto.json");
        Files.writeString(slsa, """
                {"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://slsa.dev/provenance/v0.2",
                 "subject":[{"name":"hello","digest":{"sha256":"%s"}}],
                 "predicate":{"builder":{"id":"https://example.com/builder"},"buildType":"https://example.com/t",
                   "invocation":{"configSource":{"uri":"git+https://github.com/octo/hello@refs/tags/v1",
                                                 "digest":{"sha1":"abc"}}}}}
                """.formatted(digest));
        Path scorecard = tmp.resolve("in").resolve("scorecard.json");
        Files.writeString(scorecard, """
                {"date":"2024-01-01","repo":{"name":"github.com/octo/hello","commit":"abc"},
                 "scorecard":{"version":"v5.0.0"},"score":6.5,
                 "checks":[{"name":"Code-Review","score":3,"reason":"few reviews"}]}
                """);
        assertThat(run("ingest", image.toString(), slsa.toString(), scorecard.toString()).exit()).isZero();
        ObjectMapper json = new ObjectMapper();

        JsonNode builds = json.readTree(run("provenance", "pkg:generic/hello@1", "--json").out());
        assertThat(builds).hasSize(1);
        assertThat(builds.get(0).fieldNames()).toIterable().contains("via", "subject", "builder", "build_type",
                "slsa_version", "level", "source", "revision", "materials", "trust", "document");
        assertThat(builds.get(0).get("builder").asText()).isEqualTo("https://example.com/builder");
        assertThat(builds.get(0).get("source").asText()).isEqualTo("https://github.com/octo/hello");
        assertThat(builds.get(0).get("trust").asText()).isEqualTo("unsigned");

        JsonNode scores = json.readTree(run("scorecard", "pkg:generic/hello@1", "--json").out());
        assertThat(scores).hasSize(1);
        assertThat(scores.get(0).get("score").asDouble()).isEqualTo(6.5);
        assertThat(scores.get(0).get("via").asText()).isEqualTo("sbom");
        assertThat(scores.get(0).get("checks").get(0).get("name").asText()).isEqualTo("Code-Review");

        CliRun table = run("provenance", "sha256:" + digest);
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("SUBJECT").contains("https://example.com/builder");
        assertThat(run("provenance", "sha256:0000").exit()).isEqualTo(2);
        assertThat(run("scorecard", "not-a-repository").exit()).isEqualTo(2);
    }

    @Test
    void demoIngestsTheExamplePortfolioAndShowsTheBlastRadiusThroughTheNestedSbom() {
        CliRun demo = run("demo", "--db", tmp.resolve("demo.db").toString());

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("8 new documents")
                .contains("pkg:oci/payments")
                .contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")
                .contains("1.4.14")
                .contains("pkg:npm/minimist@1.2.5\n  <-depends-on-  pkg:npm/mkdirp@0.5.5\n"
                        + "  <-depends-on-  pkg:generic/acme/web-shop@3.1.0")
                .containsPattern("SGDEMO-2021-0001 +CVE-2021-44228")
                .containsPattern("CVE-2021-44906 +pkg:generic/acme/web-shop@3.1.0 +not_affected")
                .contains("https://github.com/acme/payments  4f1c2a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b")
                .containsPattern("https://github.com/acme/payments +7.2 +2026-10-06 +provenance");
    }
}
