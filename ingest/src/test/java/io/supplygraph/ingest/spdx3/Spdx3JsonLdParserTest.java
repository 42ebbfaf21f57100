package io.supplygraph.ingest.spdx3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.RecordingSink.Edge;
import io.supplygraph.ingest.sbom.RecordingSink;
import io.supplygraph.model.Digest;
import io.supplygraph.model.EdgeKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class Spdx3JsonLdParserTest {

    private static RecordingSink parse(String json) throws Exception {
        RecordingSink sink = new RecordingSink();
        new Spdx3JsonLdParser().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    private static String graph(String elements) {
        return """
                {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
                 "@graph": [%s]}
                """.formatted(elements);
    }

    private static String pkg(String id) {
        return "{\"type\": \"software_Package\", \"spdxId\": \"" + id + "\", \"name\": \"" + id + "\"}";
    }

    private static String rel(String from, String type, String to) {
        return "{\"type\": \"Relationship\", \"spdxId\": \"r-" + from + type + to + "\", \"from\": \"" + from
                + "\", \"relationshipType\": \"" + type + "\", \"to\": [\"" + to + "\"]}";
    }

    @Test
    void readsAPackageWhoseLicencesAndSupplierAreDefinedAfterIt() throws Exception {
        RecordingSink sink = parse(graph("""
                {"spdxId": "urn:p", "name": "requests", "software_packageVersion": "2.31.0",
                 "suppliedBy": "urn:psf",
                 "software_primaryPurpose": "library",
                 "software_downloadLocation": "git+https://github.com/psf/requests.git",
                 "verifiedUsing": [{"type": "Hash", "algorithm": "sha256",
                                    "hashValue": "942c5a758f98d790eaed1a29cb6eefc7ffb0d1cf7af05c3d2791656dbd6ad1e1"},
                                   {"type": "PackageVerificationCode", "algorithm": "sha1",
                                    "hashValue": "c12417def36d7804096521de4280721e5863e68b"}],
                 "externalIdentifier": [
                    {"type": "ExternalIdentifier", "externalIdentifierType": "cpe23",
                     "identifier": "cpe:2.3:a:python:requests:2.31.0:*:*:*:*:*:*:*"},
                    {"type": "ExternalIdentifier", "externalIdentifierType": "packageUrl",
                     "identifier": "pkg:pypi/requests@2.31.0"}],
                 "type": "software_Package", "creationInfo": "_:c"},
                {"type": "CreationInfo", "@id": "_:c", "specVersion": "3.0.1", "created": "2024-01-01T00:00:00Z"},
                {"type": "Relationship", "spdxId": "urn:r1", "from": "urn:p", "relationshipType": "hasDeclaredLicense",
                 "to": ["urn:lic"]},
                {"type": "Relationship", "spdxId": "urn:r2", "from": "urn:p", "relationshipType": "hasConcludedLicense",
                 "to": ["https://spdx.org/licenses/MIT"]},
                {"type": "simplelicensing_LicenseExpression", "spdxId": "urn:lic",
                 "simplelicensing_licenseExpression": "Apache-2.0 OR MIT"},
                {"type": "Organization", "spdxId": "urn:psf", "name": "Python Software Foundation"}
                """));
        var c = sink.withRef("urn:p");
        assertEquals("requests", c.name());
        assertEquals("2.31.0", c.version());
        assertEquals("pkg:pypi/requests@2.31.0", c.purl());
        assertEquals("cpe:2.3:a:python:requests:2.31.0:*:*:*:*:*:*:*", c.cpe());
        assertEquals("library", c.type());
        assertEquals("Python Software Foundation", c.supplier());
        assertEquals("Apache-2.0 OR MIT", c.declaredLicence());
        assertEquals("MIT", c.concludedLicence());
        assertEquals("git+https://github.com/psf/requests.git", c.vcsUrl());
        assertEquals(List.of(new Digest("sha256", "942c5a758f98d790eaed1a29cb6eefc7ffb0d1cf7af05c3d2791656dbd6ad1e1")),
                c.digests());
        assertEquals("3.0.1", sink.specVersion);
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void preferesThePackageUrlPropertyAndTreatsNoAssertionLicenceAsAbsent() throws Exception {
        var c = parse(graph("""
                {"type": "software_Package", "spdxId": "urn:p", "name": "p",
                 "software_packageUrl": "pkg:npm/left-pad@1.3.0",
                 "externalIdentifier": [{"externalIdentifierType": "packageUrl", "identifier": "pkg:npm/other@1"}]},
                {"type": "Relationship", "spdxId": "urn:r", "from": "urn:p", "relationshipType": "hasDeclaredLicense",
                 "to": ["https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoAssertionLicense"]},
                {"type": "simplelicensing_LicenseExpression", "spdxId": "urn:none",
                 "simplelicensing_licenseExpression": "NOASSERTION"},
                {"type": "Relationship", "spdxId": "urn:r2", "from": "urn:p", "relationshipType": "hasConcludedLicense",
                 "to": ["urn:none"]}
                """)).withRef("urn:p");
        assertEquals("pkg:npm/left-pad@1.3.0", c.purl());
        assertNull(c.declaredLicence());
        assertNull(c.concludedLicence());
    }

    @Test
    void countsAiAndDatasetPackagesAsPackages() throws Exception {
        RecordingSink sink = parse(graph("""
                {"type": "ai_AIPackage", "spdxId": "urn:model", "name": "model"},
                {"type": "dataset_DatasetPackage", "spdxId": "urn:data", "name": "data"},
                {"type": "software_File", "spdxId": "urn:file", "name": "weights.bin"}
                """));
        assertEquals(List.of("urn:model", "urn:data"), sink.components.stream().map(c -> c.ref()).toList());
    }

    @Test
    void mapsRelationshipTypesAndLifecycleScopes() throws Exception {
        RecordingSink sink = parse(graph(String.join(",", pkg("a"), pkg("b"),
                rel("a", "contains", "b"),
                rel("a", "dependsOn", "b"),
                rel("a", "hasDynamicLink", "b"),
                rel("a", "hasStaticLink", "b"),
                rel("a", "hasOptionalDependency", "b"),
                rel("a", "hasProvidedDependency", "b"),
                rel("a", "hasPrerequisite", "b"),
                rel("a", "trainedOn", "b"),
                rel("a", "generates", "b"),
                """
                {"type": "LifecycleScopedRelationship", "spdxId": "s1", "from": "a", "relationshipType": "dependsOn",
                 "scope": "test", "to": ["b"]},
                {"type": "LifecycleScopedRelationship", "spdxId": "s2", "from": "a", "relationshipType": "usesTool",
                 "scope": "development", "to": ["b"]}
                """)));
        List<EdgeKind> kinds = List.of(EdgeKind.CONTAINS, EdgeKind.DEPENDS_ON, EdgeKind.DYNAMIC_LINK,
                EdgeKind.STATIC_LINK, EdgeKind.OPTIONAL_DEPENDENCY, EdgeKind.PROVIDED_DEPENDENCY, EdgeKind.PREREQUISITE,
                EdgeKind.TEST_DEPENDENCY, EdgeKind.DEV_DEPENDENCY);
        assertEquals(kinds.stream().map(k -> new Edge("a", "b", k)).toList(), sink.edges);
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void describesRootElementsAndDescribesRelationshipsThroughTheSbom() throws Exception {
        RecordingSink sink = parse(graph(String.join(",",
                """
                {"type": "SpdxDocument", "spdxId": "urn:doc", "name": "the doc", "rootElement": ["urn:sbom"]},
                {"type": "software_Sbom", "spdxId": "urn:sbom", "rootElement": ["a"]}
                """,
                pkg("a"), pkg("b"), rel("urn:doc", "describes", "b"))));
        assertEquals(List.of("a", "b"), sink.described);
        assertEquals("the doc", sink.documentName);
    }

    @Test
    void dropsEdgesToFilesSilentlyAndToUndefinedElementsWithAWarning() throws Exception {
        RecordingSink sink = parse(graph(String.join(",", pkg("a"),
                "{\"type\": \"software_File\", \"spdxId\": \"f\", \"name\": \"f\"}",
                rel("a", "contains", "f"),
                rel("a", "dependsOn", "https://elsewhere.example/doc#pkg"),
                rel("a", "isBestFriendOf", "f"))));
        assertEquals(List.of(), sink.edges);
        assertEquals(2, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).contains("isBestFriendOf"));
        assertTrue(sink.warnings.get(1).contains("does not define"));
    }

    @Test
    void rejectsJsonLdThatIsNotSpdx3() {
        var other = assertThrows(DocumentRejectedException.class,
                () -> parse("{\"@context\": \"https://schema.org\", \"@graph\": []}"));
        assertTrue(other.getMessage().contains("does not name the SPDX 3 context"), other.getMessage());
        var spdx2 = assertThrows(DocumentRejectedException.class,
                () -> parse("{\"spdxVersion\": \"SPDX-2.3\", \"packages\": []}"));
        assertTrue(spdx2.getMessage().contains("no @context"), spdx2.getMessage());
    }

    @Test
    void rejectsMalformedAndDeeplyNestedJson() {
        var malformed = assertThrows(DocumentRejectedException.class, () -> parse(graph("{\"type\": }")));
        assertTrue(malformed.getMessage().matches("malformed JSON at line 2, column \\d+: .*"), malformed.getMessage());
        String deep = graph("{\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        var nested = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(DocumentRejectedException.class, () -> parse(deep)));
        assertTrue(nested.getMessage().contains("nesting depth"), nested.getMessage());
    }
}
