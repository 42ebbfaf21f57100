package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format table|json|csv|sarif} on {@code vulns}, {@code malicious} and {@code check}: {@code --json} is the
 * same as {@code --format json}, and every SARIF log is valid against the SARIF 2.1.0 schema (shipped beside this
 * test, see its NOTICE) and matches, for a small fixture, a golden file read and checked by hand.
 */
class FormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Schema SARIF_SCHEMA = schema();

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.against(tmp.resolve("graph.db"), args);
    }

    private static Schema schema() {
        try (InputStream in = FormatsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode validSarif(String out) throws IOException {
        JsonNode log = JSON.readTree(out);
        List<Error> errors = SARIF_SCHEMA.validate(log);
        assertThat(errors).as("SARIF schema errors").isEmpty();
        return log;
    }

    /** The fixture: one application with minimist 1.2.5, log4j-core 2.14.1 and the malicious rustdecimal. */
    private void fixture() throws IOException {
        Path file = tmp.resolve("app.cdx.json");
        Files.writeString(file, """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"app","name":"app","purl":"pkg:generic/acme/app@1"}},
                 "components":[
                  {"type":"library","bom-ref":"m","name":"minimist","purl":"pkg:npm/minimist@1.2.5"},
                  {"type":"library","bom-ref":"b","name":"rustdecimal","purl":"pkg:cargo/rustdecimal@1.23.1"}]}
                """);
        assertThat(run("ingest", file.toString()).exit()).isZero();
        assertThat(run("osv", "import", Corpus.path("osv/ghsa-sample/GHSA-xvch-5gv4-984h.json").toString(),
                Corpus.path("osv/malicious-sample/MAL-2022-1.json").toString()).exit()).isZero();
    }

    @Test
    void jsonIsFormatJsonAndTheyCannotBeMixedWithAnother() throws Exception {
        fixture();
        CliRun json = run("vulns", "--json");
        CliRun format = run("vulns", "--format", "json");
        assertThat(format.out()).isEqualTo(json.out());
        assertThat(format.err()).isEqualTo(json.err()).isEmpty();
        assertThat(run("vulns", "--json", "--format", "JSON").out()).isEqualTo(json.out());
        CliRun both = run("vulns", "--json", "--format", "csv");
        assertThat(both.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(both.err()).contains("--json and --format csv ask for two formats");
        assertThat(run("malicious", "--format", "json").out()).isEqualTo(run("malicious", "--json").out());
    }

    @Test
    void csvHasAHeaderOfFieldNamesThenOneLinePerRow() throws Exception {
        fixture();
        List<String> lines = run("vulns", "--format", "csv").out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("purl,id,severity,score,fixed,status,documents");
        // MAL-2022-1 (malicious) first, then GHSA-xvch-5gv4-984h (database_specific.severity CRITICAL, CVSS 9.8)
        assertThat(lines.get(1)).startsWith("pkg:cargo/rustdecimal@1.23.1,MAL-2022-1,");
        assertThat(lines.get(2)).startsWith("pkg:npm/minimist@1.2.5,GHSA-xvch-5gv4-984h,critical,9.8,1.2.6,");
        assertThat(lines).hasSize(3);
        assertThat(run("malicious", "--format", "csv").out().lines().findFirst()).contains("purl,id,subject,path");
    }

    @Test
    void vulnsAsSarifIsValidAndAsReviewed() throws Exception {
        fixture();
        CliRun sarif = run("vulns", "--format", "sarif");
        assertThat(sarif.exit()).isZero();
        JsonNode log = validSarif(sarif.out());
        ((ObjectNode) log.get("runs").get(0).get("tool").get("driver")).remove("semanticVersion");
        // the SBOM was ingested from an absolute path, so the artifact is named by its digest (of the bytes above)
        try (InputStream in = FormatsTest.class.getResourceAsStream("/sarif/vulns-golden.sarif.json")) {
            assertThat(log).isEqualTo(JSON.readTree(in));
        }
        // the same answer twice: the same fingerprints
        assertThat(JSON.readTree(run("vulns", "--format", "sarif").out()).findValues("partialFingerprints"))
                .isEqualTo(log.findValues("partialFingerprints"));
    }

    @Test
    void maliciousAsSarifIsValid() throws Exception {
        fixture();
        JsonNode log = validSarif(run("malicious", "--format", "sarif").out());
        JsonNode result = log.get("runs").get(0).get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("MAL-2022-1");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("pkg:cargo/rustdecimal@1.23.1");
    }
}
