package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest --app, --release and --replace, and applications, as a user runs them. */
class ApplicationsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path sbom(String file, String subject, String serial, String tool, String component) throws Exception {
        Path path = tmp.resolve(file);
        Files.writeString(path, """
                {"bomFormat":"CycloneDX","specVersion":"1.4","serialNumber":"urn:uuid:%s","version":1,
                 "metadata":{"tools":[{"vendor":"x","name":"%s","version":"1.0"}],
                   "component":{"type":"application","bom-ref":"app","name":"app","purl":"%s"}},
                 "components":[{"type":"library","bom-ref":"c","name":"c","purl":"%s"}]}
                """.formatted(serial, tool, subject, component));
        return path;
    }

    private CliRun run(String... args) {
        return CliRun.against(tmp.resolve("graph.db"), args);
    }

    @Test
    void applicationsListsReleasesWithTheirDocumentsAndTheOnesReplaced() throws Exception {
        String minimist = "pkg:npm/minimist@1.2.5";
        assertThat(run("ingest", sbom("a.json", "pkg:npm/shop@1.0.0", "00000000-0000-0000-0000-000000000001",
                "syft", minimist).toString()).exit()).isZero();
        assertThat(run("ingest", sbom("b.json", "pkg:npm/shop@1.0.0", "00000000-0000-0000-0000-000000000002",
                "cdxgen", minimist).toString()).exit()).isZero();
        assertThat(run("ingest", "--replace", sbom("c.json", "pkg:npm/shop@1.0.0",
                "00000000-0000-0000-0000-000000000003", "syft", minimist).toString()).exit()).isZero();
        assertThat(run("ingest", "--app", "billing", "--release", "2026.11", sbom("d.json", "pkg:generic/frontend@7",
                "00000000-0000-0000-0000-000000000004", "syft", minimist).toString()).exit()).isZero();

        CliRun listed = run("applications", "--json");
        assertThat(listed.exit()).isZero();
        JsonNode applications = JSON.readTree(listed.out());
        assertThat(applications).hasSize(2);
        assertThat(applications.get(0).get("application").asText()).isEqualTo("billing");
        assertThat(applications.get(0).get("latest").asText()).isEqualTo("2026.11");
        JsonNode shop = applications.get(1).get("releases").get(0);
        assertThat(shop.get("release").asText()).isEqualTo("1.0.0");
        assertThat(shop.get("documents")).as("cdxgen's and syft's newer one").hasSize(2);
        assertThat(shop.get("superseded")).as("syft's older one, replaced").hasSize(1);

        CliRun table = run("applications");
        assertThat(table.out()).contains("APPLICATION").contains("pkg:npm/shop").contains("yes");
        assertThat(table.err()).contains("2 applications, 2 releases shown");

        CliRun dependents = run("dependents", minimist);
        assertThat(dependents.out().lines().filter(l -> l.contains("pkg:npm/shop@1.0.0")).count())
                .as("one row for the release, not one per document").isEqualTo(1);
        assertThat(dependents.err()).contains("2 releases of 2 applications (3 documents) contain " + minimist);

        JsonNode documents = JSON.readTree(run("documents", "--json").out());
        long superseded = 0;
        for (JsonNode d : documents) {
            superseded += d.get("superseded_by").isNull() ? 0 : 1;
        }
        assertThat(superseded).isEqualTo(1);
    }

    @Test
    void aReleaseWithoutItsApplicationIsRefusedBeforeAnythingIsRead() throws Exception {
        CliRun refused = run("ingest", "--release", "1.0", sbom("a.json", "pkg:npm/shop@1.0.0",
                "00000000-0000-0000-0000-000000000001", "syft", "pkg:npm/minimist@1.2.5").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--release names a release of an application: give --app");
        assertThat(Files.exists(tmp.resolve("graph.db"))).as("nothing created").isFalse();
    }
}
