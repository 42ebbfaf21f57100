package io.supplygraph.ingest.vex;

import static io.supplygraph.ingest.vex.VexReading.only;
import static io.supplygraph.ingest.vex.VexReading.openVex;
import static io.supplygraph.ingest.vex.VexReading.openVexFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.fact.VexFacts.Statement;
import io.supplygraph.model.fact.VexFacts.Status;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenVexReaderTest {

    @Test
    void readsSubcomponentsOfAV020ProductScopedToTheImage() {
        // attest-vex/guac-exampledata/open-vex-not-affected.json: statements[0].products[0] is the git image, with
        // two apk subcomponents; the statement has no timestamp, so the document's timestamp holds.
        VexFacts facts = openVexFile("attest-vex/guac-exampledata/open-vex-not-affected.json");
        assertEquals(2, facts.statements().size());
        // the canonical purl percent-encodes the version's colon (purl-spec)
        String image = "pkg:oci/git@sha256%3A23a264e6e429852221a963e9f17338ba3f5796dc7086e46439a6f4482cf6e0cb";
        assertEquals(List.of("pkg:apk/alpine/git@2.38.1-r0?arch=x86_64", "pkg:apk/alpine/git@2.38.1-r0?arch=ppc64le"),
                facts.statements().stream().map(s -> s.pkg().purl()).toList());
        for (Statement s : facts.statements()) {
            assertEquals("CVE-2023-12345", s.vulnerability());
            assertEquals(image, s.product().purl());
            assertEquals(Status.NOT_AFFECTED, s.status());
            assertEquals("inline_mitigations_already_exist", s.justification());
            assertEquals("Included git is mitigated against CVE-2023-12345 !", s.impactStatement());
            assertEquals(OffsetDateTime.parse("2023-01-09T21:23:03.579712389-06:00").toInstant(), s.timestamp());
        }
        assertEquals("0.0.1", facts.specVersion()); // its @context is the bare https://openvex.dev/ns
    }

    @Test
    void readsV001StringProductsAndVulnerability() {
        // attest-vex/openvex/pkg/vex/testdata/v0.0.1.json: two string products, "fixed", document timestamp only.
        VexFacts facts = openVexFile("attest-vex/openvex/pkg/vex/testdata/v0.0.1.json");
        assertEquals(List.of("pkg:apk/wolfi/git@2.39.0-r1?arch=armv7", "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64"),
                facts.statements().stream().map(s -> s.pkg().purl()).toList());
        facts.statements().forEach(s -> {
            assertEquals(Status.FIXED, s.status());
            assertNull(s.product());
            assertEquals(OffsetDateTime.parse("2023-01-08T18:02:03.647787998-06:00").toInstant(), s.timestamp());
        });
    }

    @Test
    void statementTimestampOverridesTheDocuments() {
        // attest-vex/openvex/pkg/vex/testdata/v020-1.vex.json: statements[0].timestamp, status under_investigation
        Statement s = only(openVexFile("attest-vex/openvex/pkg/vex/testdata/v020-1.vex.json").statements());
        assertEquals("CVE-9876-54321", s.vulnerability());
        assertEquals("pkg:apk/wolfi/bash@1.0.0", s.pkg().purl());
        assertEquals(Status.UNDER_INVESTIGATION, s.status());
        assertEquals(OffsetDateTime.parse("2022-12-22T16:36:43-05:00").toInstant(), s.timestamp());
    }

    @Test
    void keepsAliasesIdentifiersAndLastUpdated() {
        Statement s = only(openVex("""
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "doc-1", "author": "me",
                 "timestamp": "2023-01-01T00:00:00Z",
                 "statements": [{
                   "vulnerability": {"name": "GHSA-aaaa-bbbb-cccc", "aliases": ["CVE-2023-1111"]},
                   "products": [{"@id": "https://example.com/app", "identifiers": {"purl": "pkg:npm/app@1.0.0"}}],
                   "status": "affected", "action_statement": "upgrade to 1.0.1",
                   "timestamp": "2023-02-01T00:00:00Z", "last_updated": "2023-03-01T00:00:00Z"}]}
                """).statements());
        assertEquals("GHSA-aaaa-bbbb-cccc", s.vulnerability());
        assertEquals(List.of("CVE-2023-1111"), s.aliases());
        assertEquals("pkg:npm/app@1.0.0", s.pkg().purl());
        assertEquals("upgrade to 1.0.1", s.actionStatement());
        assertEquals(OffsetDateTime.parse("2023-03-01T00:00:00Z").toInstant(), s.timestamp());
    }

    @Test
    void warnsAndSkipsUnknownStatusesAndProductsWithoutPurl() {
        VexFacts facts = openVex("""
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "doc-2", "author": "me",
                 "statements": [
                   {"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}], "status": "maybe"},
                   {"vulnerability": {"name": "CVE-2"}, "products": [{"@id": "https://example.com/thing"}],
                    "status": "fixed"}]}
                """);
        assertTrue(facts.statements().isEmpty());
        assertEquals(2, facts.warnings().size(), facts.warnings().toString());
    }
}
