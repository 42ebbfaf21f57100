package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** licenses, quality and export vex on the demo's graph: their JSON, and the usage errors they refuse with exit 2. */
class ReportCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path demo;

    @BeforeAll
    static void demo() {
        demo = tmp.resolve("demo.db");
        assertThat(CliRun.of("demo", "--db", demo.toString()).exit()).isZero();
    }

    private static JsonNode json(String... args) throws Exception {
        CliRun run = CliRun.against(demo, args);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void licensesOfThePortfolioNameTheListAndTheCopyleftComponentWithItsPath() throws Exception {
        JsonNode report = json("licenses", "--json").get(0);
        assertThat(report.get("scope").asText()).isEqualTo("portfolio");
        assertThat(report.get("licence_list").asText()).matches("\\d+\\.\\d+(\\.\\d+)?");
        JsonNode copyleft = report.get("copyleft").get(0);
        assertThat(copyleft.get("class").asText()).isEqualTo("weak_copyleft");
        assertThat(copyleft.get("path").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void documentsShowTheQualityThatQualityExplains() throws Exception {
        JsonNode sbom = null;
        for (JsonNode d : json("documents", "--json")) {
            if (d.get("format").asText().equals("cyclonedx-json")) {
                sbom = d;
            }
        }
        assertThat(sbom).isNotNull();
        JsonNode quality = json("quality", sbom.get("digest").asText(), "--json").get(0);
        assertThat(quality.get("score").asDouble()).isEqualTo(sbom.get("quality").asDouble()).isBetween(0.0, 10.0);
        assertThat(quality.get("checks").size()).isEqualTo(16);
    }

    @Test
    void vexExportsAreJsonOfTheirFormatAndCycloneDxNeedsOneApplication() throws Exception {
        assertThat(json("export", "vex").get("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
        assertThat(json("export", "vex", "--app", "pkg:generic/acme/web-shop@3.1.0", "--format", "cyclonedx")
                .get("bomFormat").asText()).isEqualTo("CycloneDX");
        CliRun portfolio = CliRun.against(demo, "export", "vex", "--format", "cyclonedx");
        assertThat(portfolio.exit()).isEqualTo(2);
        assertThat(portfolio.err()).contains("--doc or --app");
        assertThat(CliRun.against(demo, "export", "vex", "--format", "spdx").exit()).isEqualTo(2);
    }
}
