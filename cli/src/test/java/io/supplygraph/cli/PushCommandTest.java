package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.server.Server;
import io.supplygraph.server.ServerOptions;
import io.supplygraph.server.ops.AccessLog;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.TestStores;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code token create} and {@code push} as a CI job runs them, against a server started in the test. */
class PushCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pushIngestsAFolderNamesTheFileItCouldNotAndExits1(Kind kind) throws Exception {
        String database = TestStores.fresh(kind, tmp);
        CliRun created = CliRun.of("token", "create", "--name", "ci", "--scope", "write", "--db", database);
        assertThat(created.exit()).isZero();
        assertThat(created.out()).as("the token alone, for $(...) in a script").matches("sg_[A-Za-z0-9_-]{43}\\R");
        assertThat(created.err()).contains("'ci'").doesNotContain(created.out().strip());
        String token = created.out().strip();

        Path first = folder("first", 0, 3);
        Path second = folder("second", 3, 2);
        try (Server server = Server.start(ServerOptions.defaults(database, tmp.resolve("spool")).withPort(0)
                .withAccessLog(AccessLog.Format.OFF, new PrintStream(OutputStream.nullOutputStream())))) {
            String url = server.url().toString();

            CliRun pushed = CliRun.of("push", "--server", url, "--token", token, first.toString());
            assertThat(pushed.exit()).as(pushed.err()).isEqualTo(1);
            assertThat(pushed.err()).contains("broken.cdx.json").contains("3 ingested").contains("1 rejected");
            assertThat(pushed.out().lines().filter(l -> l.startsWith("ingested"))).hasSize(3);

            CliRun json = CliRun.of("push", "--server", url, "--token", token, "--json", second.toString());
            assertThat(json.exit()).isEqualTo(1);
            JsonNode rows = JSON.readTree(json.out());
            List<String> statuses = new ArrayList<>();
            rows.forEach(row -> statuses.add(row.path("status").asText()));
            assertThat(statuses).as("one object per document, then the summary")
                    .containsExactlyInAnyOrder("ingested", "ingested", "rejected", "summary");
            JsonNode summary = rows.get(rows.size() - 1);
            assertThat(summary.path("status").asText()).isEqualTo("summary");
            assertThat(summary.path("ingested").asInt()).isEqualTo(2);
            assertThat(summary.path("rejected").asInt()).isEqualTo(1);
        }
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.documents()).extracting(Document::subjectPurl).containsExactlyInAnyOrder(
                    subject(0), subject(1), subject(2), subject(3), subject(4));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pushNamesTheApplicationAndReleaseAndReplacesAsIngestDoes(Kind kind) throws Exception {
        String database = TestStores.fresh(kind, tmp);
        String token = CliRun.of("token", "create", "--name", "ci", "--scope", "write", "--db", database).out().strip();
        Path first = folder("first", 0, 1).resolve("app-0.cdx.json");
        Path second = folder("second", 1, 1).resolve("app-1.cdx.json");
        try (Server server = Server.start(ServerOptions.defaults(database, tmp.resolve("spool")).withPort(0)
                .withAccessLog(AccessLog.Format.OFF, new PrintStream(OutputStream.nullOutputStream())))) {
            String url = server.url().toString();
            CliRun refused = CliRun.of("push", "--server", url, "--token", token, "--release", "2026.11",
                    first.toString());
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("--release names a release of an application: give --app");

            CliRun named = CliRun.of("push", "--server", url, "--token", token, "--app", "billing", "--release",
                    "2026.11", first.toString());
            assertThat(named.exit()).as(named.err()).isZero();
            CliRun replacing = CliRun.of("push", "--server", url, "--token", token, "--app", "billing", "--release",
                    "2026.11", "--replace", second.toString());
            assertThat(replacing.exit()).as(replacing.err()).isZero();
        }
        try (Supplygraph graph = Supplygraph.open(database)) {
            List<Document> documents = graph.documents();
            assertThat(documents).as("nothing was sent for the refused push").hasSize(2)
                    .allSatisfy(d -> assertThat(d.application() + " " + d.release()).isEqualTo("billing 2026.11"));
            assertThat(documents).filteredOn(d -> d.subjectPurl().equals(subject(0))).singleElement()
                    .satisfies(d -> assertThat(d.supersededBy()).as("replaced by the second push").isEqualTo(
                            documents.stream().filter(o -> o.subjectPurl().equals(subject(1))).findFirst()
                                    .orElseThrow().digest()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pushReplacingSendsInTheOrderGivenSoTheLastDocumentOfTheReleaseStaysCurrent(Kind kind) throws Exception {
        String database = TestStores.fresh(kind, tmp);
        String token = CliRun.of("token", "create", "--name", "ci", "--scope", "write", "--db", database).out().strip();
        List<String> command = new ArrayList<>(List.of("push", "--server", "URL", "--token", token, "--app",
                "nightly", "--release", "2026.11", "--replace", "--parallel", "4"));
        Path folder = folder("nightly", 0, 6);
        for (int i = 0; i < 6; i++) {
            command.add(folder.resolve("app-" + i + ".cdx.json").toString());
        }
        try (Server server = Server.start(ServerOptions.defaults(database, tmp.resolve("spool")).withPort(0)
                .withAccessLog(AccessLog.Format.OFF, new PrintStream(OutputStream.nullOutputStream())))) {
            command.set(2, server.url().toString());
            CliRun pushed = CliRun.of(command.toArray(String[]::new));
            assertThat(pushed.exit()).as(pushed.err()).isZero();
        }
        try (Supplygraph graph = Supplygraph.open(database)) {
            assertThat(graph.documents()).hasSize(6).filteredOn(d -> d.supersededBy() == null)
                    .extracting(Document::subjectPurl).containsExactly(subject(5));
        }
    }

    /** A folder of {@code count} SBOMs, numbered from {@code first}, and one file that is not JSON at all. */
    private Path folder(String name, int first, int count) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(name));
        for (int i = first; i < first + count; i++) {
            Files.writeString(folder.resolve("app-" + i + ".cdx.json"), """
                    {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                     "metadata":{"component":{"type":"application","bom-ref":"app","name":"app-%1$d",
                       "purl":"%2$s"}},
                     "components":[{"type":"library","bom-ref":"lib","name":"lib",
                       "purl":"pkg:maven/org.example/lib@1.%1$d"}]}
                    """.formatted(i, subject(i)));
        }
        Files.writeString(folder.resolve("broken.cdx.json"), "{\"bomFormat\": \"CycloneDX\", \"components\": [");
        return folder;
    }

    private static String subject(int index) {
        return "pkg:generic/acme/app-" + index + "@1.0";
    }
}
