package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.store.TestStores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables on a terminal of 100 columns, against golden files written by hand from what the documents say: cut to
 * the width, purls keeping their type and name, long lists cut to a screenful; piped output never cut.
 */
class TerminalOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Terminal HUNDRED_COLUMNS = Terminal.of(100, 40, List.of());
    private static final String LONG_NAMESPACE = "com.example.platform.observability.instrumentation.internal";

    @TempDir
    Path tmp;

    private String db;

    /** One application with 30 dependencies of long purls, and an advisory on one of them. */
    @BeforeEach
    void graph() throws Exception {
        db = TestStores.fresh(TestStores.Kind.SQLITE, tmp);
        StringBuilder components = new StringBuilder();
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            components.append(i == 0 ? "" : ",").append("""
                    {"bom-ref":"c%d","name":"tracing-exporter-%02d","purl":"pkg:maven/%s/tracing-exporter-%02d@2.%d.0?type=jar&classifier=all"}
                    """.formatted(i, i, LONG_NAMESPACE, i, i));
            refs.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        Path sbom = Files.writeString(tmp.resolve("service.cdx.json"), """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"bom-ref":"s","name":"checkout-service",
                   "purl":"pkg:oci/checkout-service@sha256%%3A0d7e4b5c8a1f2e3d4c5b6a7988776655443322110ffeeddccbbaa99887766554?repository_url=registry.example.com/shop"}},
                 "components":[%s],
                 "dependencies":[{"ref":"s","dependsOn":[%s]}]}
                """.formatted(components, refs));
        assertThat(CliRun.of("ingest", sbom.toString(), "--db", db).exit()).isZero();
        Path advisory = Files.writeString(tmp.resolve("GHSA-abcd-efgh-ijkl.json"), """
                {"schema_version":"1.6.0","id":"GHSA-abcd-efgh-ijkl","modified":"2024-01-01T00:00:00Z",
                 "aliases":["CVE-2024-99999"],
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "affected":[{"package":{"ecosystem":"Maven","name":"%s:tracing-exporter-07"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.7.1"}]}]}]}
                """.formatted(LONG_NAMESPACE));
        assertThat(CliRun.of("osv", "import", advisory.toString(), "--db", db).exit()).isZero();
    }

    private CliRun onTerminal(String... args) {
        return CliRun.on(HUNDRED_COLUMNS, with(args));
    }

    private String[] with(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db));
        return all.toArray(String[]::new);
    }

    /**
     * The golden file, after writing {@code actual} over it when run with {@code -Dgolden.update=true} (from the
     * module's folder): then read the diff, and commit only what the documents explain.
     */
    private static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden", name), actual);
        }
        try (InputStream in = TerminalOutputTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vulns", "dependents", "deps"})
    void aTableOnATerminalOfHundredColumnsIsItsGolden(String command) throws Exception {
        String[] args = switch (command) {
            case "vulns" -> new String[] {"vulns"};
            case "dependents" -> new String[] {"dependents", "pkg:maven/" + LONG_NAMESPACE + "/tracing-exporter-07"};
            default -> new String[] {"deps", "--limit", "5", "pkg:oci/checkout-service"};
        };
        CliRun run = onTerminal(args);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(golden(command + "-100.txt", run.out()));
    }

    @Test
    void documentsOnATerminalFitAndHideAdvisories() throws Exception {
        CliRun run = onTerminal("documents");
        // the ingest time changes with every run; the rest is the golden
        String masked = run.out().replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.Z…]*", "TIME");
        assertThat(masked).isEqualTo(golden("documents-100.txt", masked));
        assertThat(run.err()).contains("1 advisories not listed: --kind advisory");
        JsonNode advisories = JSON.readTree(CliRun.of(with("documents", "--kind", "advisory", "--json")).out());
        assertThat(advisories).hasSize(1);
        assertThat(advisories.get(0).get("format").asText()).isEqualTo("osv");
        assertThat(JSON.readTree(CliRun.of(with("documents", "--kind", "all", "--json")).out())).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vulns", "documents", "packages"})
    void everyLineOnTheTerminalFitsAndPipedOrWideOutputIsWhole(String command) {
        assertThat(onTerminal(command).out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        String piped = CliRun.of(with(command)).out();
        assertThat(piped).doesNotContain("…").contains(command.equals("documents")
                ? "?repository_url=registry.example.com%2Fshop" : "?classifier=all&type=jar");
        assertThat(piped.lines().mapToInt(String::length).max().orElseThrow()).isGreaterThan(100);
        assertThat(onTerminal(command, "--wide").out()).isEqualTo(piped);
    }

    @Test
    void aListLongerThanTheScreenShowsAScreenfulAndSaysHowManyMore() throws Exception {
        CliRun screen = CliRun.on(Terminal.of(100, 20, List.of()), with("packages", "--name", "tracing"));
        assertThat(screen.out().lines()).hasSize(1 + 15);
        assertThat(screen.err()).contains("15 more: --limit N / --all-rows (items 1 to 15 of 30)");

        assertThat(CliRun.on(Terminal.of(100, 20, List.of()), with("packages", "--name", "tracing", "--all-rows"))
                .out().lines()).hasSize(1 + 30);
        assertThat(CliRun.on(Terminal.of(100, 20, List.of()), with("packages", "--name", "tracing", "--limit", "20"))
                .out().lines()).hasSize(1 + 20);
        assertThat(CliRun.of(with("packages", "--name", "tracing")).out().lines()).hasSize(1 + 30);
        assertThat(JSON.readTree(CliRun.on(Terminal.of(100, 20, List.of()), with("packages", "--name", "tracing",
                "--json")).out())).hasSize(30);
    }

    @Test
    void statsCountsAdvisoriesAndFindingsBySeverity() throws Exception {
        JsonNode stats = JSON.readTree(CliRun.of(with("stats", "--json")).out()).get(0);
        assertThat(stats.get("documents").asInt()).isEqualTo(2);
        assertThat(stats.get("advisories").asInt()).isEqualTo(1);
        assertThat(stats.get("vex_statements").asInt()).isZero();
        assertThat(stats.get("attestations").asInt()).isZero();
        // CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H is 9.8, critical
        assertThat(stats.get("findings").get("critical").asInt()).isEqualTo(1);
        assertThat(stats.get("findings").get("high").asInt()).isZero();
        assertThat(CliRun.of(with("stats")).out()).contains("findings        1 critical");
    }
}
