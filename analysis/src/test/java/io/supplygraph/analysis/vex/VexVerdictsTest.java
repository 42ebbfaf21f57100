package io.supplygraph.analysis.vex;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.model.fact.VexFacts.Status;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.analysis.view.VexStatement;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VexVerdictsTest {

    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final String SHOP = "pkg:generic/acme/shop@3.1.0";

    @TempDir
    Path tmp;

    private int documents;

    /** A one-statement OpenVEX document (v0.2.0), written to a file of its own. */
    private Path openVex(String vulnerability, String aliases, String products, String status, String timestamp) {
        String json = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "doc-%d", "author": "test",
                 "statements": [{"vulnerability": {"name": "%s", "aliases": [%s]}, "products": [%s],
                                 "status": "%s", "justification": "component_not_present", "timestamp": "%s"}]}
                """.formatted(++documents, vulnerability, aliases, products, status, timestamp);
        try {
            return Files.writeString(tmp.resolve("vex-" + documents + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Supplygraph graph(Kind kind, Path tmp, Path... files) {
        Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp));
        List<String> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(f.toString());
        }
        IngestSummary summary = graph.ingest(sources, InputStream.nullInputStream(), new IngestListener() {});
        assertThat(summary.rejected()).isZero();
        return graph;
    }

    private static Optional<Status> status(Supplygraph graph, Set<String> ids, String purl, Set<String> products) {
        return graph.vexVerdicts().verdictFor(ids, purl, products).map(VexVerdict::status);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void newestStatementWinsWhateverTheIngestOrder(Kind kind) {
        Path newer = openVex("CVE-2021-44228", "", "\"" + LOG4J + "\"", "affected", "2024-02-01T00:00:00Z");
        Path older = openVex("CVE-2021-44228", "", "\"" + LOG4J + "\"", "not_affected", "2023-02-01T00:00:00+01:00");
        try (Supplygraph graph = graph(kind, tmp, newer, older)) {
            VexVerdict v = graph.vexVerdicts().verdictFor(Set.of("CVE-2021-44228"), LOG4J, Set.of()).orElseThrow();
            assertThat(v.status()).isEqualTo(Status.AFFECTED);
            assertThat(v.timestamp()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
            assertThat(v.documentDigest()).startsWith("sha256:");
            assertThat(graph.vex(null, "CVE-2021-44228")).singleElement()
                    .extracting(VexStatement::status).isEqualTo(Status.AFFECTED);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aProductWithoutVersionCoversEveryVersionButQualifiersMustMatch(Kind kind) {
        Path any = openVex("CVE-2020-1", "", "\"pkg:npm/left-pad\"", "not_affected", "2024-01-01T00:00:00Z");
        Path arm = openVex("CVE-2020-2", "", "\"pkg:apk/alpine/git@2.38.1-r0?arch=aarch64\"", "fixed",
                "2024-01-01T00:00:00Z");
        try (Supplygraph graph = graph(kind, tmp, any, arm)) {
            assertThat(status(graph, Set.of("CVE-2020-1"), "pkg:npm/left-pad@1.3.0", Set.of()))
                    .contains(Status.NOT_AFFECTED);
            assertThat(status(graph, Set.of("CVE-2020-1"), "pkg:npm/left-pad@0.0.1", Set.of()))
                    .contains(Status.NOT_AFFECTED);
            assertThat(status(graph, Set.of("CVE-2020-1"), "pkg:npm/right-pad@1.3.0", Set.of())).isEmpty();
            assertThat(status(graph, Set.of("CVE-2020-2"), "pkg:apk/alpine/git@2.38.1-r0?arch=aarch64&distro=3.17",
                    Set.of())).contains(Status.FIXED);
            assertThat(status(graph, Set.of("CVE-2020-2"), "pkg:apk/alpine/git@2.38.1-r0?arch=x86_64", Set.of()))
                    .isEmpty();
            assertThat(status(graph, Set.of("CVE-2020-2"), "pkg:apk/alpine/git@2.38.1-r1?arch=aarch64", Set.of()))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStatementOnAnAliasAppliesToTheFindingsId(Kind kind) {
        Path onCve = openVex("CVE-2021-44228", "", "\"" + LOG4J + "\"", "not_affected", "2024-01-01T00:00:00Z");
        Path withAlias = openVex("GHSA-aaaa-bbbb-cccc", "\"CVE-2022-9999\"", "\"pkg:npm/a@1.0.0\"", "fixed",
                "2024-01-01T00:00:00Z");
        try (Supplygraph graph = graph(kind, tmp, onCve, withAlias)) {
            // the finding is GHSA-jfh8-c2jp-5v3q, whose alias is the CVE the statement names
            assertThat(status(graph, Set.of("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228"), LOG4J, Set.of()))
                    .contains(Status.NOT_AFFECTED);
            assertThat(status(graph, Set.of("GHSA-jfh8-c2jp-5v3q"), LOG4J, Set.of())).isEmpty();
            // the statement's own alias counts too, in any case
            assertThat(status(graph, Set.of("cve-2022-9999"), "pkg:npm/a@1.0.0", Set.of())).contains(Status.FIXED);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStatementInsideAProductAppliesOnlyThereAndOutranksThePackagesOwn(Kind kind) {
        Path general = openVex("CVE-2021-44228", "", "\"" + LOG4J + "\"", "affected", "2024-06-01T00:00:00Z");
        Path inShop = openVex("CVE-2021-44228", "",
                "{\"@id\": \"" + SHOP + "\", \"subcomponents\": [{\"@id\": \"" + LOG4J + "\"}]}", "not_affected",
                "2024-01-01T00:00:00Z");
        try (Supplygraph graph = graph(kind, tmp, general, inShop)) {
            Set<String> ids = Set.of("CVE-2021-44228");
            assertThat(status(graph, ids, LOG4J, Set.of(SHOP))).contains(Status.NOT_AFFECTED);
            assertThat(status(graph, ids, LOG4J, Set.of("pkg:generic/acme/other@1.0"))).contains(Status.AFFECTED);
            assertThat(status(graph, ids, LOG4J, Set.of())).contains(Status.AFFECTED);
            // two products in scope that disagree: the finding stays visible
            Path otherSaysAffected = openVex("CVE-2021-44228", "",
                    "{\"@id\": \"pkg:generic/acme/other@1.0\", \"subcomponents\": [{\"@id\": \"" + LOG4J + "\"}]}",
                    "affected", "2023-01-01T00:00:00Z");
            graph.ingest(List.of(otherSaysAffected.toString()), InputStream.nullInputStream(), new IngestListener() {});
            assertThat(status(graph, ids, LOG4J, Set.of(SHOP, "pkg:generic/acme/other@1.0")))
                    .contains(Status.AFFECTED);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aProductWideStatementCoversEveryPackageInIt(Kind kind) {
        // sbom/cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-not_affected.json: product ABC 4.2 (no purl:
        // pkg:generic/ABC@4.2) is not affected by CVE-2021-44228.
        Path cisa = Corpus.path("sbom/cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-not_affected.json");
        try (Supplygraph graph = graph(kind, tmp, cisa)) {
            assertThat(status(graph, Set.of("CVE-2021-44228"), LOG4J, Set.of("pkg:generic/ABC@4.2")))
                    .contains(Status.NOT_AFFECTED);
            assertThat(status(graph, Set.of("CVE-2021-44228"), LOG4J, Set.of("pkg:generic/ABC@4.3"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void corpusVexAnswersForTheImagesSubcomponentsAndGoesWithItsDocument(Kind kind) {
        // attest-vex/guac-exampledata/open-vex-not-affected.json: git x86_64 and ppc64le in the git image are
        // not affected by CVE-2023-12345 (justification inline_mitigations_already_exist)
        Path file = Corpus.path("attest-vex/guac-exampledata/open-vex-not-affected.json");
        String image = "pkg:oci/git@sha256:23a264e6e429852221a963e9f17338ba3f5796dc7086e46439a6f4482cf6e0cb";
        try (Supplygraph graph = graph(kind, tmp, file)) {
            VexVerdict v = graph.vexVerdicts().verdictFor(Set.of("CVE-2023-12345"),
                    "pkg:apk/alpine/git@2.38.1-r0?arch=x86_64", Set.of(image)).orElseThrow();
            assertThat(v.status()).isEqualTo(Status.NOT_AFFECTED);
            assertThat(v.notAffected()).isTrue();
            assertThat(v.justification()).isEqualTo("inline_mitigations_already_exist");
            assertThat(status(graph, Set.of("CVE-2023-12345"), "pkg:apk/alpine/git@2.38.1-r0?arch=s390x",
                    Set.of(image))).isEmpty();
            assertThat(graph.vex("pkg:apk/alpine/git", null)).hasSize(2);
            graph.deleteDocument(v.documentDigest());
            assertThat(graph.vex(null, null)).isEmpty();
        }
    }
}
