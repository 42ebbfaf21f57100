package io.supplygraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.PackageUsage;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A CycloneDX document with an emoji purl and NULs (JSON {@code \u0000}) in a name, a version, a licence, a VEX
 * detail and the document's name reads back the same on SQLite and on PostgreSQL, which cannot store U+0000: purls
 * exactly as the purl specification spells them, decoded text with ␀ (U+2400) for each NUL.
 */
class ExactIdentitiesTest {

    static final String APP = "pkg:generic/acme/app@1";
    static final String EMOJI = "pkg:npm/%F0%9F%92%A9-pkg@1";
    static final String WITH_NUL = "pkg:generic/a%00b@1%00";

    /** In a Java text block {@code \\u0000} is the six characters of a JSON escape, not a NUL in this source. */
    static final String BOM = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "metadata": {"component": {"bom-ref": "app", "name": "app\\u0000shop", "version": "1",
                                        "purl": "pkg:generic/acme/app@1"}},
             "components": [
               {"bom-ref": "emoji", "name": "emoji", "version": "1", "purl": "pkg:npm/%F0%9F%92%A9-pkg@1"},
               {"bom-ref": "nul", "name": "a\\u0000b", "version": "1\\u0000",
                "licenses": [{"expression": "MIT\\u0000X"}]}
             ],
             "dependencies": [{"ref": "app", "dependsOn": ["emoji", "nul"]}],
             "vulnerabilities": [{"id": "CVE-2024-0001", "affects": [{"ref": "emoji"}],
                                  "analysis": {"state": "not_affected", "detail": "never\\u0000called"}}]}
            """;

    @TempDir
    Path tmp;

    private Supplygraph graph(Kind kind) throws Exception {
        Path file = Files.writeString(tmp.resolve("exact.cdx.json"), BOM);
        Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp));
        IngestSummary summary = graph.ingest(List.of(file.toString()), InputStream.nullInputStream(),
                new IngestListener() {});
        assertThat(summary.rejected()).as("rejected, e.g. by a SQL error").isZero();
        assertThat(summary.stored()).isOne();
        return graph;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void packagesReadBackWithExactPurlsAndDecodedNames(Kind kind) throws Exception {
        try (Supplygraph graph = graph(kind)) {
            Map<String, PackageUsage> byPurl = graph.packages(null).stream()
                    .collect(Collectors.toMap(PackageUsage::purl, Function.identity()));

            assertThat(byPurl).containsOnlyKeys(APP, EMOJI, WITH_NUL);
            assertThat(byPurl.get(EMOJI).name()).isEqualTo("\uD83D\uDCA9-pkg");
            assertThat(byPurl.get(WITH_NUL).name()).isEqualTo("a\u2400b");
            assertThat(byPurl.get(WITH_NUL).version()).isEqualTo("1\u2400");
            assertThat(byPurl.get(WITH_NUL).synthetic()).isTrue();
            assertThat(graph.packages("\uD83D\uDCA9")).extracting(PackageUsage::purl).containsExactly(EMOJI);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dependentsFindsPackagesByTheirExactPurls(Kind kind) throws Exception {
        try (Supplygraph graph = graph(kind)) {
            for (String query : List.of(EMOJI, "pkg:npm/\uD83D\uDCA9-pkg@1")) {
                assertThat(graph.dependents(query)).as(query).singleElement().satisfies(a -> {
                    assertThat(a.subject()).isEqualTo(APP);
                    assertThat(a.path()).containsExactly(APP, EMOJI);
                });
            }
            Application nul = graph.dependents(WITH_NUL).get(0);
            assertThat(nul.path()).containsExactly(APP, WITH_NUL);
            assertThat(nul.version()).isEqualTo("1\u2400");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void otherTextWithNulIsStoredWithTheSymbolAndOneWarningPerKind(Kind kind) throws Exception {
        try (Supplygraph graph = graph(kind)) {
            Document document = graph.documents().get(0);

            assertThat(document.name()).isEqualTo("app\u2400shop");
            assertThat(graph.vex(EMOJI, null)).singleElement()
                    .satisfies(s -> assertThat(s.impactStatement()).isEqualTo("never\u2400called"));
            assertThat(graph.warnings(document.digest())).containsExactly(
                    "component 'a\u2400b' (nul): NUL characters (U+0000) in its identity are kept as %00 in its purl"
                            + " and stored as \u2400 (U+2400) in its name and version",
                    "NUL characters (U+0000) are stored as \u2400 (U+2400) in: name, declared, impactStatement");
        }
    }
}
