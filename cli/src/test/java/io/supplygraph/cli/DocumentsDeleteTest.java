package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code documents delete} says what goes, asks a person, and never deletes on a guess in a script. */
class DocumentsDeleteTest {

    @TempDir
    Path tmp;

    private String db;

    private void ingest(TestStores.Kind kind, String... subjects) throws Exception {
        db = TestStores.fresh(kind, tmp);
        for (String subject : subjects) {
            Path file = Files.writeString(tmp.resolve(subject + ".cdx.json"), """
                    {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                     "metadata":{"component":{"name":"%s","purl":"pkg:generic/%s@1"}}}
                    """.formatted(subject, subject));
            assertThat(CliRun.of("ingest", file.toString(), "--db", db).exit()).isZero();
        }
    }

    private String digest() throws Exception {
        return new ObjectMapper().readTree(CliRun.of("documents", "--json", "--db", db).out()).get(0).get("digest").asText();
    }

    private int documents() throws Exception {
        return new ObjectMapper().readTree(CliRun.of("documents", "--json", "--db", db).out()).size();
    }

    private CliRun onTerminal(String answer, String... args) {
        return CliRun.on(Terminal.of(100, 40, List.of(answer)), args);
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aScriptDeletesByTheWholeDigestAndIsToldWhatWent(TestStores.Kind kind) throws Exception {
        ingest(kind, "app");
        String digest = digest();
        CliRun deleted = CliRun.of("documents", "delete", digest, "--db", db);
        assertThat(deleted.exit()).isZero();
        assertThat(deleted.err()).startsWith("deleting " + digest + "  cyclonedx-json  pkg:generic/app@1");
        assertThat(documents()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aScriptThatGivesAPrefixDeletesNothingWithoutYes(TestStores.Kind kind) throws Exception {
        ingest(kind, "app");
        String prefix = digest().substring(0, 16);
        CliRun refused = CliRun.of("documents", "delete", prefix, "--db", db);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains(prefix + " is only the start of " + digest()).contains("--yes");
        assertThat(documents()).isEqualTo(1);

        assertThat(CliRun.of("documents", "delete", prefix, "--yes", "--db", db).exit()).isZero();
        assertThat(documents()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aPersonIsAskedAndNoKeepsTheDocument(TestStores.Kind kind) throws Exception {
        ingest(kind, "app");
        String digest = digest();
        CliRun declined = onTerminal("n", "documents", "delete", digest, "--db", db);
        assertThat(declined.exit()).isEqualTo(1);
        assertThat(declined.err()).contains("nothing deleted");
        assertThat(documents()).isEqualTo(1);

        CliRun accepted = onTerminal("y", "documents", "delete", digest.substring(0, 12), "--db", db);
        assertThat(accepted.exit()).isZero();
        assertThat(documents()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aPrefixOfSeveralDigestsIsRefusedEvenWithYes(TestStores.Kind kind) throws Exception {
        ingest(kind, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r");
        CliRun refused = CliRun.of("documents", "delete", "sha256:", "--yes", "--db", db);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("is the start of 18 document digests");
        assertThat(documents()).isEqualTo(18);
    }
}
