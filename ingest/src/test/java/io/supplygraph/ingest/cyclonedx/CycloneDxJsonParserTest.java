package io.supplygraph.ingest.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.RecordingSink.Edge;
import io.supplygraph.ingest.sbom.RecordingSink;
import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.model.Digest;
import io.supplygraph.model.EdgeKind;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CycloneDxJsonParserTest {

    private final CycloneDxJsonParser parser = new CycloneDxJsonParser();

    @Test
    void reportsNestedComponentsWithContainsEdgesAndTheSubjectApart() throws Exception {
        RecordingSink sink = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "serialNumber": "urn:uuid:1",
                 "metadata": {"timestamp": "2024-01-01T00:00:00Z",
                   "component": {"bom-ref": "app", "type": "application", "name": "shop",
                     "components": [{"bom-ref": "plugin", "name": "plugin"}]}},
                 "components": [
                   {"bom-ref": "a", "name": "a", "components": [
                     {"bom-ref": "b", "name": "b", "components": [{"bom-ref": "c", "name": "c"}]}]},
                   {"bom-ref": "d", "name": "d"}]}
                """);
        assertEquals(List.of("1.5 shop"), sink.documents);
        assertEquals(List.of("app"), sink.subjects.stream().map(SbomComponent::ref).toList());
        assertEquals(Set.of("plugin", "a", "b", "c", "d"), sink.refs());
        assertEquals(5, sink.components.size());
        assertEquals(Set.of(new Edge("app", "plugin", EdgeKind.CONTAINS), new Edge("a", "b", EdgeKind.CONTAINS),
                new Edge("b", "c", EdgeKind.CONTAINS)), new HashSet<>(sink.edges));
        assertFalse(sink.reportedBeforeDocument());
        assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
    }

    @Test
    void containsEdgeUsesTheBomRefWrittenAfterTheNestedComponents() throws Exception {
        RecordingSink sink = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.4",
                 "components": [{"components": [{"name": "inner", "bom-ref": "in"}], "name": "outer", "bom-ref": "out"}]}
                """);
        assertEquals(List.of(new Edge("out", "in", EdgeKind.CONTAINS)), sink.edges);
    }

    @Test
    void reportsDependenciesAsWrittenAndIgnoresProvides() throws Exception {
        RecordingSink sink = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "components": [{"bom-ref": "a", "name": "a"}, {"bom-ref": "b", "name": "b"}],
                 "dependencies": [
                   {"dependsOn": ["b", "nowhere"], "ref": "a", "provides": ["crypto-api"]},
                   {"ref": "b", "dependsOn": []},
                   {"ref": "impl", "provides": ["a"]}]}
                """);
        assertEquals(List.of(new Edge("a", "b", EdgeKind.DEPENDS_ON), new Edge("a", "nowhere", EdgeKind.DEPENDS_ON)),
                sink.edges);
    }

    @Test
    void normalisesHashesAndWarnsAboutMalformedOnes() throws Exception {
        String sha256 = "F498A8FF2DD007E29C2074F5E4B01A9A01775C3FF3AEAF6906EA503BC5791B7B";
        RecordingSink sink = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.4", "components": [{"name": "lib", "hashes": [
                  {"alg": "SHA-256", "content": "%s"},
                  {"alg": "MD5", "content": "foo"},
                  {"alg": "SHA-1"},
                  "not-a-hash"]}]}
                """.formatted(sha256));
        assertEquals(List.of(new Digest("sha256", sha256.toLowerCase())), sink.named("lib").digests());
        assertEquals(3, sink.warnings.size(), sink.warnings::toString);
        assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("malformed MD5 hash 'foo'")), sink.warnings::toString);
    }

    @Test
    void readsLicenceIdsNamesAndExpressions() throws Exception {
        RecordingSink sink = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
                  {"name": "one-id", "licenses": [{"license": {"id": "MIT", "url": "https://x"}}]},
                  {"name": "two-ids", "licenses": [{"license": {"id": "MIT"}}, {"license": {"id": "Apache-2.0"}}]},
                  {"name": "named", "licenses": [{"license": {"name": "Some Licence"}}, {"license": {"id": "MIT"}}]},
                  {"name": "expression", "licenses": [{"expression": "MIT OR Apache-2.0"}]},
                  {"name": "concluded", "licenses": [
                    {"license": {"id": "MIT", "acknowledgement": "declared"}},
                    {"acknowledgement": "concluded", "expression": "MIT OR GPL-2.0-only"}]},
                  {"name": "empty", "licenses": [{"license": {"url": "https://only-a-url"}}]}]}
                """);
        assertEquals("MIT", sink.named("one-id").declaredLicence());
        assertEquals("MIT AND Apache-2.0", sink.named("two-ids").declaredLicence());
        assertEquals("(Some Licence) AND MIT", sink.named("named").declaredLicence());
        assertEquals("MIT OR Apache-2.0", sink.named("expression").declaredLicence());
        assertEquals("MIT", sink.named("concluded").declaredLicence());
        assertEquals("MIT OR GPL-2.0-only", sink.named("concluded").concludedLicence());
        assertNull(sink.named("empty").declaredLicence());
        assertEquals(1, sink.warnings.size(), sink.warnings::toString);
    }

    @Test
    void makesUpDistinctRefsForComponentsWithoutBomRef() throws Exception {
        RecordingSink sink = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.3", "components": [
                  {"name": "a", "components": [{"name": "b"}]}, {"name": "c"}, {"name": "d", "bom-ref": "d"}]}
                """);
        Set<String> refs = sink.refs();
        assertEquals(4, refs.size());
        assertTrue(refs.contains("d"));
        assertEquals(List.of(new Edge(sink.named("a").ref(), sink.named("b").ref(), EdgeKind.CONTAINS)),
                sink.edges);
    }

    @Test
    void mapsIdentityFieldsAndKeepsTheGroupInFrontOfTheName() throws Exception {
        RecordingSink sink = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
                  {"type": "library", "group": "org.slf4j", "name": "slf4j-api", "version": "2.0.9",
                   "purl": "pkg:maven/org.slf4j/slf4j-api@2.0.9", "cpe": "cpe:2.3:a:slf4j:slf4j:2.0.9:*:*:*:*:*:*:*",
                   "supplier": {"name": "QOS.ch", "url": ["https://qos.ch"]}, "publisher": "someone else",
                   "externalReferences": [{"type": "website", "url": "https://slf4j.org"},
                                          {"type": "vcs", "url": "https://github.com/qos-ch/slf4j"}]},
                  {"name": "plain", "publisher": "Pub Inc"}]}
                """);
        SbomComponent c = sink.named("org.slf4j/slf4j-api");
        assertEquals(new SbomComponent(c.ref(), "org.slf4j/slf4j-api", "2.0.9", "pkg:maven/org.slf4j/slf4j-api@2.0.9",
                "library", List.of(), null, null, "QOS.ch", "cpe:2.3:a:slf4j:slf4j:2.0.9:*:*:*:*:*:*:*",
                "https://github.com/qos-ch/slf4j"), c);
        assertEquals("Pub Inc", sink.named("plain").supplier());
    }

    @Test
    void readsSpec12AndSkipsFieldsOfLaterVersions() throws Exception {
        RecordingSink old = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.2", "version": 1,
                 "components": [{"type": "library", "name": "x", "version": "1", "modified": false}]}
                """);
        assertEquals(List.of("1.2 null"), old.documents);
        assertEquals(1, old.components.size());
        RecordingSink future = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.7", "serialNumber": "urn:uuid:7",
                 "futureSection": {"deep": [[{"components": [{"name": "not-a-component"}]}]]},
                 "components": [{"name": "x", "futureField": {"components": [{"name": "nor-this"}]},
                   "pedigree": {"ancestors": [{"name": "ancestor"}]}, "omniborId": ["gitoid:blob:sha1:abc"]}],
                 "services": [{"name": "svc"}], "vulnerabilities": [{"id": "CVE-1"}], "signature": {"value": "x"}}
                """);
        assertEquals(List.of("1.7 urn:uuid:7"), future.documents);
        assertEquals(List.of("x"), future.components.stream().map(SbomComponent::name).toList());
        assertTrue(future.warnings.isEmpty(), future.warnings::toString);
    }

    @Test
    void warnsAboutAComponentThatIsNotAnObjectAndGoesOn() throws Exception {
        RecordingSink sink = parse("""
                {"bomFormat": "CycloneDX", "specVersion": "1.4",
                 "components": ["just a string", {"name": "ok", "version": {"oops": 1}}, 42]}
                """);
        assertEquals(1, sink.components.size());
        assertNull(sink.named("ok").version());
        assertEquals(3, sink.warnings.size(), sink.warnings::toString);
        assertTrue(sink.warnings.get(0).contains("line 2"), sink.warnings::toString);
    }

    @Test
    void acceptsAMissingBomFormatWhenSpecVersionAndComponentsAreThere() throws Exception {
        RecordingSink sink = parse("""
                {"specVersion": "1.4", "components": [{"name": "x"}]}
                """);
        assertEquals(1, sink.components.size());
    }

    @Test
    void rejectsDocumentsThatAreNotCycloneDx() {
        assertRejected("bomFormat is 'SPDX'", """
                {"bomFormat": "SPDX", "specVersion": "1.4", "components": []}""");
        assertRejected("not a CycloneDX document", """
                {"spdxVersion": "SPDX-2.3", "packages": [{"name": "x"}]}""");
        assertRejected("not a JSON object", "[1, 2]");
        assertRejected("empty document", "");
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        String reason = assertRejected("malformed JSON at line 3, column 15", """
                {"bomFormat": "CycloneDX",
                 "specVersion": "1.4",
                 "components" [] }""");
        assertTrue(reason.contains("expecting a colon"), reason);
    }

    @Test
    void rejectsTruncatedJson() {
        assertRejected("Unexpected end-of-input", """
                {"bomFormat": "CycloneDX", "specVersion": "1.4", "components": [{"name": "x\"""");
    }

    @Test
    void rejectsComponentsNestedTooDeep() {
        int levels = BomFeed.MAX_COMPONENT_DEPTH + 1;
        String doc = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", \"components\": "
                + "[{\"name\": \"n\", \"components\": ".repeat(levels) + "[]" + "}]".repeat(levels) + "}";
        assertRejected("nested more than " + BomFeed.MAX_COMPONENT_DEPTH + " levels", doc);
    }

    @Test
    void rejectsHundredThousandNestedArraysQuickly() {
        String doc = "{\"bomFormat\": \"CycloneDX\", \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        long start = System.nanoTime();
        assertRejected("nesting depth", doc);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }

    private RecordingSink parse(String document) throws IOException, DocumentRejectedException {
        return Parsing.parse(parser, document);
    }

    private String assertRejected(String expectedInReason, String document) {
        return Parsing.assertRejected(parser, expectedInReason, document);
    }
}
