package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A misspelt purl is an error that says what the graph does hold, never an empty answer. */
class TyposTest {

    @TempDir
    Path tmp;

    private String graph(TestStores.Kind kind) throws Exception {
        String db = TestStores.fresh(kind, tmp);
        Path sbom = Files.writeString(tmp.resolve("app.cdx.json"), """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"bom-ref":"s","name":"app","purl":"pkg:generic/app@1"}},
                 "components":[{"bom-ref":"a","name":"lodash","purl":"pkg:npm/lodash@4.17.20"},
                               {"bom-ref":"b","name":"core","purl":"pkg:npm/%40angular/core@16.2.0"},
                               {"bom-ref":"c","name":"x","purl":"pkg:acme-internal/tools/x@1"}],
                 "dependencies":[{"ref":"s","dependsOn":["a","b","c"]}]}
                """);
        assertThat(CliRun.of("ingest", sbom.toString(), "--db", db).exit()).isZero();
        return db;
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void anUnknownPurlTypeIsAUsageErrorThatSuggestsTheType(TestStores.Kind kind) throws Exception {
        String db = graph(kind);
        CliRun run = CliRun.of("dependents", "pkg:nmp/lodash", "--db", db);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown purl type 'nmp'; did you mean npm");
        assertThat(CliRun.of("drift", "pkg:nmp/lodash", "--db", db).exit()).isEqualTo(2);
    }

    /** The blast radius of {@code purl}, which must be the one application of {@link #graph}. */
    private static CliRun dependentsAreTheApp(String db, String purl) {
        CliRun run = CliRun.of("dependents", purl, "--db", db);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("pkg:generic/app@1");
        return run;
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aTypeNoSpecificationNamesIsKnownOnceADocumentUsedIt(TestStores.Kind kind) throws Exception {
        dependentsAreTheApp(graph(kind), "pkg:acme-internal/tools/x");
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aPackageTheGraphDoesNotHoldSaysSoAndNamesTheClosest(TestStores.Kind kind) throws Exception {
        String db = graph(kind);
        for (String command : new String[] {"dependents", "deps", "drift", "provenance"}) {
            CliRun run = CliRun.of(command, "pkg:npm/lodahs", "--db", db);
            assertThat(run.exit()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command)
                    .contains("the graph holds no package pkg:npm/lodahs; did you mean pkg:npm/lodash?");
        }
        CliRun vulns = CliRun.of("vulns", "--purl", "pkg:npm/lodahs", "--db", db);
        assertThat(vulns.exit()).isEqualTo(2);
        CliRun bare = CliRun.of("dependents", "lodahs", "--db", db);
        assertThat(bare.err()).contains("the graph holds no package named lodahs; did you mean lodash?");
        CliRun far = CliRun.of("dependents", "pkg:npm/express", "--db", db);
        assertThat(far.err()).contains("the graph holds no package pkg:npm/express").doesNotContain("did you mean");
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void aHeldPackageThatNothingContainsIsStillAnEmptyAnswer(TestStores.Kind kind) throws Exception {
        String db = graph(kind);
        CliRun run = CliRun.of("vulns", "--purl", "pkg:npm/lodash", "--db", db);
        assertThat(run.exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void anNpmScopeWrittenWithAnAtIsTheSamePackageAsItsEncodedForm(TestStores.Kind kind) throws Exception {
        String db = graph(kind);
        CliRun plain = dependentsAreTheApp(db, "pkg:npm/@angular/core@16.2.0");
        assertThat(dependentsAreTheApp(db, "pkg:npm/%40angular/core@16.2.0").out()).isEqualTo(plain.out());
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void driftSaysItIgnoresTheVersion(TestStores.Kind kind) throws Exception {
        String db = graph(kind);
        CliRun run = CliRun.of("drift", "pkg:npm/lodash@4.17.20", "--db", db);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("drift compares every version of pkg:npm/lodash; the version in"
                + " pkg:npm/lodash@4.17.20 is ignored");
        assertThat(CliRun.of("drift", "pkg:npm/lodash", "--db", db).err()).doesNotContain("ignored");
    }
}
