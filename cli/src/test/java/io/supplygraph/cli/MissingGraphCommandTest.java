package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mistyped --db is an error, never an empty graph that answers "nothing found". */
class MissingGraphCommandTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"stats", "documents", "vulns", "packages", "malicious", "token list"})
    void aReadOnAMissingGraphFailsInOneLineAndCreatesNothing(String command) {
        Path typo = tmp.resolve("grpah.db");
        String[] args = (command + " --db " + typo).split(" ");
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n")
                .endsWith("no graph at " + typo + ": run `supplygraph ingest` first");
        assertThat(typo).doesNotExist();
    }

    @Test
    void ingestCreatesTheGraphThatReadsThenOpen() throws Exception {
        Path db = tmp.resolve("new").resolve("graph.db");
        Path sbom = Files.writeString(tmp.resolve("app.cdx.json"), """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"name":"app","purl":"pkg:generic/app@1"}}}
                """);
        assertThat(CliRun.of("ingest", sbom.toString(), "--db", db.toString()).exit()).isZero();
        CliRun stats = CliRun.of("stats", "--json", "--db", db.toString());
        assertThat(stats.exit()).isZero();
        assertThat(stats.out()).contains("\"documents\" : 1");
    }

    @Test
    void serveRefusesAMissingGraphUnlessToldToCreateOne() {
        Path typo = tmp.resolve("typo.db");
        CliRun run = CliRun.of("serve", "--port", "0", "--db", typo.toString(), "--spool", tmp.resolve("spool").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no graph at " + typo).contains("serve --create");
        assertThat(typo).doesNotExist();
    }

    @Test
    void aUrlOfAnotherSchemeIsAUsageErrorNotAFile() {
        CliRun run = CliRun.of("ingest", "x.json", "--db", "mysql://root@db/graph");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unsupported database URL mysql://root@db/graph");
        assertThat(Path.of("mysql:")).doesNotExist();
    }

    @Test
    void aLibpqUrlOpensPostgresql() {
        String jdbc = TestStores.fresh(TestStores.Kind.POSTGRESQL, tmp);
        org.junit.jupiter.api.Assumptions.assumeTrue(jdbc.contains("user=postgres") && !jdbc.contains("password"),
                "needs a password-less PostgreSQL user in " + TestStores.POSTGRES_VARIABLE);
        String schema = jdbc.replaceFirst(".*currentSchema=", "");
        String libpq = jdbc.substring("jdbc:".length()).replaceFirst("\\?.*", "").replaceFirst("://", "://postgres@")
                + "?currentSchema=" + schema;
        CliRun missing = CliRun.of("stats", "--db", libpq);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no graph at postgresql://postgres@");
        assertThat(Path.of("postgresql:")).doesNotExist();
        assertThat(CliRun.of("token", "list", "--db", jdbc).exit()).isEqualTo(1);
    }
}
