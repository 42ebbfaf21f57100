package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exit codes a CI job can gate on: a repository folder ingests cleanly, and vulns fails a build on demand. */
class CiExitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static final String SBOM = """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "metadata":{"component":{"bom-ref":"s","name":"app","purl":"pkg:generic/app@1"}},
             "components":[{"bom-ref":"a","name":"lodash","purl":"pkg:npm/lodash@4.17.20"},
                           {"bom-ref":"b","name":"minimist","purl":"pkg:npm/minimist@1.2.5"}],
             "dependencies":[{"ref":"s","dependsOn":["a","b"]}]}
            """;

    /** A repository as CI checks it out: one SBOM among the files every repository has. */
    private Path repository() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("README.md"), "# app\n\nSee {the docs}.\n");
        Files.writeString(repo.resolve("LICENSE"), "Apache License\nVersion 2.0, January 2004\n");
        Files.writeString(repo.resolve("owners.csv"), "team,owner\nweb,alice\n");
        Files.write(repo.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        Files.writeString(Files.createDirectories(repo.resolve("sbom")).resolve("app.cdx.json"), SBOM);
        return repo;
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aRepositoryFolderIngestsWithItsOtherFilesSkippedAndCounted(TestStores.Kind kind) throws Exception {
        String db = TestStores.fresh(kind, tmp);
        Path repo = repository();
        CliRun run = CliRun.of("ingest", repo.toString(), "--db", db);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("1 ingested, 0 already ingested, 0 rejected, 4 skipped (not documents)")
                .contains("skipped   " + repo.resolve("LICENSE"));

        CliRun json = CliRun.of("ingest", repo.toString(), "--json", "--db", db);
        JsonNode rows = JSON.readTree(json.out());
        assertThat(rows.get(rows.size() - 1).get("skipped").asInt()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aFileNamedOrLookingLikeADocumentStillFails(TestStores.Kind kind) throws Exception {
        String db = TestStores.fresh(kind, tmp);
        Path repo = repository();
        CliRun strict = CliRun.of("ingest", "--strict", repo.toString(), "--db", db);
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err()).contains("4 rejected");

        CliRun named = CliRun.of("ingest", repo.resolve("README.md").toString(), "--db", db);
        assertThat(named.exit()).isEqualTo(1);
        assertThat(named.err()).contains("rejected  " + repo.resolve("README.md"));

        Files.writeString(repo.resolve("config.json"), "{\"port\": 8080}");
        CliRun lookalike = CliRun.of("ingest", repo.toString(), "--db", db);
        assertThat(lookalike.exit()).isEqualTo(1);
        assertThat(lookalike.err()).contains("rejected  " + repo.resolve("config.json"));
    }

    private String graphWithAdvisories(TestStores.Kind kind) throws Exception {
        String db = TestStores.fresh(kind, tmp);
        Path sbom = Files.writeString(tmp.resolve("app.cdx.json"), SBOM);
        assertThat(CliRun.of("ingest", sbom.toString(), "--db", db).exit()).isZero();
        Path advisories = Files.createDirectories(tmp.resolve("osv"));
        // CVSS 3.1 base scores of these vectors: 7.5 (high) and 5.6 (medium)
        Files.writeString(advisories.resolve("GHSA-1111.json"), advisory("GHSA-1111-aaaa-bbbb", "lodash", "4.17.21",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"));
        Files.writeString(advisories.resolve("GHSA-2222.json"), advisory("GHSA-2222-cccc-dddd", "minimist", "1.2.6",
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L"));
        CliRun imported = CliRun.of("osv", "import", advisories.toString(), "--db", db);
        assertThat(imported.exit()).isZero();
        assertThat(imported.err()).contains("2 findings added, 0 retracted");
        return db;
    }

    private static String advisory(String id, String npmPackage, String fixed, String vector) {
        return """
                {"schema_version":"1.6.0","id":"%s","modified":"2024-01-01T00:00:00Z",
                 "severity":[{"type":"CVSS_V3","score":"%s"}],
                 "affected":[{"package":{"ecosystem":"npm","name":"%s"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"%s"}]}]}]}
                """.formatted(id, vector, npmPackage, fixed);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void vulnsFailsOnAFindingAtOrAboveTheLevel(TestStores.Kind kind) throws Exception {
        String db = graphWithAdvisories(kind);
        assertThat(CliRun.of("vulns", "--fail-on", "critical", "--db", db).exit()).isZero();
        CliRun high = CliRun.of("vulns", "--fail-on", "high", "--db", db);
        assertThat(high.exit()).isEqualTo(1);
        assertThat(high.err()).contains("1 findings at or above high (--fail-on)");
        assertThat(CliRun.of("vulns", "--fail-on", "medium", "--db", db).err())
                .contains("2 findings at or above medium");
        assertThat(CliRun.of("vulns", "--fail-on", "severe", "--db", db).exit()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aFindingVexSaysIsNotAffectedDoesNotFailTheBuild(TestStores.Kind kind) throws Exception {
        String db = graphWithAdvisories(kind);
        Path vex = Files.writeString(tmp.resolve("app.openvex.json"), """
                {"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.com/vex/1",
                 "author":"app team","timestamp":"2024-02-01T00:00:00Z","version":1,
                 "statements":[{"vulnerability":{"name":"GHSA-1111-aaaa-bbbb"},
                   "products":[{"@id":"pkg:generic/app@1","subcomponents":[{"@id":"pkg:npm/lodash@4.17.20"}]}],
                   "status":"not_affected","justification":"vulnerable_code_not_in_execute_path"}]}
                """);
        assertThat(CliRun.of("ingest", vex.toString(), "--db", db).exit()).isZero();
        assertThat(CliRun.of("vulns", "--fail-on", "high", "--db", db).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void osvImportCountsTheFindingsAWithdrawnRecordRetracts(TestStores.Kind kind) throws Exception {
        String db = graphWithAdvisories(kind);
        Path withdrawn = Files.writeString(tmp.resolve("GHSA-1111-withdrawn.json"), advisory("GHSA-1111-aaaa-bbbb",
                "lodash", "4.17.21", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H")
                .replace("\"modified\":\"2024-01-01T00:00:00Z\"",
                        "\"modified\":\"2024-03-01T00:00:00Z\",\"withdrawn\":\"2024-03-01T00:00:00Z\""));
        CliRun run = CliRun.of("osv", "import", withdrawn.toString(), "--json", "--db", db);
        assertThat(run.exit()).isZero();
        JsonNode summary = JSON.readTree(run.out()).get(0);
        assertThat(summary.get("findings_added").asInt()).isZero();
        assertThat(summary.get("findings_retracted").asInt()).isEqualTo(1);
    }
}
