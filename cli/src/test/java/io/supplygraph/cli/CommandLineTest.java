package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.cli.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as a user runs it: arguments in, text and exit codes out, against a real SQLite store. */
class CommandLineTest {

    @TempDir
    Path tmp;

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.get(0).equals("demo") && !all.get(0).equals("versions") && !all.contains("--help")) {
            all.add("--db");
            all.add(tmp.resolve("graph.db").toString());
        }
        return Cli.run(all);
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
        Run first = run("ingest", good.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("ingested").contains("good.json");

        Path bad = tmp.resolve("in").resolve("bad.json");
        Files.writeString(bad, "{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [ {\"SPDXID\": ");
        Run second = run("ingest", good.toString(), bad.toString());
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("bad.json").contains("1 already ingested").contains("1 rejected");
        assertThat(second.out()).contains("already");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(run("ingest").exit()).isEqualTo(2);
        assertThat(run("dependents", "pkg:").exit()).isEqualTo(2);
        Run unknown = run("no-such-command");
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

        Run path = run("path", "pkg:npm/minimist@1.2.5", "pkg:generic/app@1");
        assertThat(path.exit()).isZero();
        assertThat(path.out()).contains("depends-on");
    }

    @Test
    void documentsDeleteRemovesTheDocument() throws Exception {
        run("ingest", sbom("a.json", "pkg:generic/app@1", "pkg:npm/minimist@1.2.5").toString());
        String digest = new ObjectMapper().readTree(run("documents", "--json").out()).get(0).get("digest").asText();

        assertThat(run("documents", "delete", digest.substring(0, 20)).exit()).isZero();
        assertThat(run("dependents", "pkg:npm/minimist", "--json").out().strip()).isEqualTo("[ ]");
        assertThat(run("documents", "delete", digest).exit()).isEqualTo(2);
    }

    @Test
    void demoIngestsTheExamplePortfolioAndShowsTheBlastRadiusThroughTheNestedSbom() {
        Run demo = run("demo", "--db", tmp.resolve("demo.db").toString());

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("5 new documents")
                .contains("pkg:oci/payments")
                .contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")
                .contains("1.4.14")
                .contains("pkg:npm/mkdirp@0.5.5 -depends-on-> pkg:npm/minimist@1.2.5");
    }
}
