package io.supplygraph.ingest.spdx;

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

class Spdx2JsonParserTest {

    private static RecordingSink parse(String json) throws Exception {
        RecordingSink sink = new RecordingSink();
        new Spdx2JsonParser().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    private static String document(String packages, String relationships) {
        return """
                {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "demo",
                 "packages": [%s],
                 "files": [{"SPDXID": "SPDXRef-File-a", "fileName": "./a.c"}],
                 "relationships": [%s]}
                """.formatted(packages, relationships);
    }

    private static String pkg(String id) {
        return "{\"SPDXID\": \"" + id + "\", \"name\": \"" + id.toLowerCase() + "\"}";
    }

    private static String rel(String from, String type, String to) {
        return "{\"spdxElementId\": \"" + from + "\", \"relationshipType\": \"" + type
                + "\", \"relatedSpdxElement\": \"" + to + "\"}";
    }

    @Test
    void readsPackageFields() throws Exception {
        RecordingSink sink = parse(document("""
                {"SPDXID": "SPDXRef-log4j", "name": "log4j-core", "versionInfo": "2.14.1",
                 "supplier": "Organization: Apache Software Foundation",
                 "downloadLocation": "git+https://github.com/apache/logging-log4j2.git@rel/2.14.1",
                 "primaryPackagePurpose": "LIBRARY",
                 "licenseDeclared": "Apache-2.0", "licenseConcluded": "NOASSERTION",
                 "checksums": [{"algorithm": "SHA1", "checksumValue": "9C2B3E5B8E1A0F6C2A4B5D6E7F8091A2B3C4D5E6"},
                               {"algorithm": "SHA256", "checksumValue": "not-hex"}],
                 "externalRefs": [
                   {"referenceCategory": "SECURITY", "referenceType": "cpe23Type",
                    "referenceLocator": "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*"},
                   {"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
                    "referenceLocator": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
                   {"referenceCategory": "PACKAGE_MANAGER", "referenceType": "purl",
                    "referenceLocator": "pkg:maven/other/other@1"}],
                 "unknownField": {"nested": [1, 2, {"deep": true}]}}
                """, ""));
        var c = sink.withRef("SPDXRef-log4j");
        assertEquals("log4j-core", c.name());
        assertEquals("2.14.1", c.version());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", c.purl());
        assertEquals("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*", c.cpe());
        assertEquals("library", c.type());
        assertEquals("Apache Software Foundation", c.supplier());
        assertEquals("Apache-2.0", c.declaredLicence());
        assertNull(c.concludedLicence());
        assertEquals("git+https://github.com/apache/logging-log4j2.git@rel/2.14.1", c.vcsUrl());
        assertEquals(List.of(new Digest("sha1", "9c2b3e5b8e1a0f6c2a4b5d6e7f8091a2b3c4d5e6")), c.digests());
        assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("malformed checksum")), sink.warnings.toString());
        assertEquals("2.3", sink.specVersion);
        assertEquals("demo", sink.documentName);
    }

    @Test
    void treatsNoneAndNoAssertionAsAbsent() throws Exception {
        var c = parse(document("""
                {"SPDXID": "SPDXRef-a", "name": "a", "versionInfo": "NOASSERTION", "supplier": "NOASSERTION",
                 "licenseDeclared": "NONE", "licenseConcluded": "NOASSERTION",
                 "downloadLocation": "https://example.com/a.tar.gz"}
                """, "")).withRef("SPDXRef-a");
        assertNull(c.version());
        assertNull(c.supplier());
        assertNull(c.declaredLicence());
        assertNull(c.concludedLicence());
        assertNull(c.vcsUrl(), "a plain download URL is not a source repository");
    }

    @Test
    void orientsDependencyEdgesFromDependentToDependency() throws Exception {
        RecordingSink sink = parse(document(String.join(",", pkg("SPDXRef-app"), pkg("SPDXRef-lib")),
                String.join(",",
                        rel("SPDXRef-app", "DEPENDS_ON", "SPDXRef-lib"),
                        rel("SPDXRef-lib", "DEPENDENCY_OF", "SPDXRef-app"),
                        rel("SPDXRef-lib", "DEV_DEPENDENCY_OF", "SPDXRef-app"),
                        rel("SPDXRef-lib", "BUILD_DEPENDENCY_OF", "SPDXRef-app"),
                        rel("SPDXRef-lib", "TEST_DEPENDENCY_OF", "SPDXRef-app"),
                        rel("SPDXRef-lib", "RUNTIME_DEPENDENCY_OF", "SPDXRef-app"),
                        rel("SPDXRef-lib", "OPTIONAL_DEPENDENCY_OF", "SPDXRef-app"),
                        rel("SPDXRef-lib", "PROVIDED_DEPENDENCY_OF", "SPDXRef-app"),
                        rel("SPDXRef-app", "CONTAINS", "SPDXRef-lib"),
                        rel("SPDXRef-lib", "CONTAINED_BY", "SPDXRef-app"),
                        rel("SPDXRef-app", "HAS_PREREQUISITE", "SPDXRef-lib"),
                        rel("SPDXRef-lib", "PREREQUISITE_FOR", "SPDXRef-app"),
                        rel("SPDXRef-app", "STATIC_LINK", "SPDXRef-lib"),
                        rel("SPDXRef-app", "DYNAMIC_LINK", "SPDXRef-lib"))));
        List<EdgeKind> kinds = List.of(EdgeKind.DEPENDS_ON, EdgeKind.DEPENDS_ON, EdgeKind.DEV_DEPENDENCY,
                EdgeKind.BUILD_DEPENDENCY, EdgeKind.TEST_DEPENDENCY, EdgeKind.RUNTIME_DEPENDENCY,
                EdgeKind.OPTIONAL_DEPENDENCY, EdgeKind.PROVIDED_DEPENDENCY, EdgeKind.CONTAINS, EdgeKind.CONTAINS,
                EdgeKind.PREREQUISITE, EdgeKind.PREREQUISITE, EdgeKind.STATIC_LINK, EdgeKind.DYNAMIC_LINK);
        assertEquals(kinds.stream().map(k -> new Edge("SPDXRef-app", "SPDXRef-lib", k)).toList(), sink.edges);
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void dropsRelationshipsWithoutDependencyMeaningOrToFilesAndNoAssertion() throws Exception {
        RecordingSink sink = parse(document(String.join(",", pkg("SPDXRef-app"), pkg("SPDXRef-lib")),
                String.join(",",
                        rel("SPDXRef-app", "GENERATED_FROM", "SPDXRef-lib"),
                        rel("SPDXRef-app", "VARIANT_OF", "SPDXRef-lib"),
                        rel("SPDXRef-app", "OTHER", "SPDXRef-lib"),
                        rel("SPDXRef-app", "CONTAINS", "SPDXRef-File-a"),
                        rel("SPDXRef-app", "DEPENDS_ON", "NOASSERTION"),
                        rel("SPDXRef-app", "DEPENDS_ON", "NONE"))));
        assertEquals(List.of(), sink.edges);
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void warnsOnUnknownTypesAndOtherDocumentsElements() throws Exception {
        RecordingSink sink = parse(document(pkg("SPDXRef-app"), String.join(",",
                rel("SPDXRef-app", "IS_FRIENDS_WITH", "SPDXRef-app"),
                rel("SPDXRef-app", "DEPENDS_ON", "DocumentRef-other:SPDXRef-lib"))));
        assertEquals(List.of(), sink.edges);
        assertEquals(2, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).contains("IS_FRIENDS_WITH"));
        assertTrue(sink.warnings.get(1).contains("another document"));
    }

    @Test
    void readsDescribesFromEitherSideAndFromDocumentDescribes() throws Exception {
        String json = """
                {"spdxVersion": "SPDX-2.2", "SPDXID": "SPDXRef-DOCUMENT", "name": "d",
                 "documentDescribes": ["SPDXRef-a"],
                 "packages": [%s, %s, %s],
                 "relationships": [%s, %s, %s]}
                """.formatted(pkg("SPDXRef-a"), pkg("SPDXRef-b"), pkg("SPDXRef-c"),
                rel("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-b"),
                rel("SPDXRef-c", "DESCRIBED_BY", "SPDXRef-DOCUMENT"),
                rel("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-a"));
        assertEquals(List.of("SPDXRef-a", "SPDXRef-b", "SPDXRef-c"), parse(json).described);
    }

    @Test
    void holdsPackagesBackUntilTheVersionSaysSpdx2() throws Exception {
        RecordingSink sink = parse("""
                {"packages": [{"SPDXID": "SPDXRef-a", "name": "a"}],
                 "relationships": [{"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES",
                                    "relatedSpdxElement": "SPDXRef-a"}],
                 "spdxVersion": "SPDX-2.2", "SPDXID": "SPDXRef-DOCUMENT", "name": "late"}
                """);
        assertEquals(0, sink.callsBeforeDocument);
        assertEquals("late", sink.documentName);
        assertEquals(List.of("SPDXRef-a"), sink.described);
        assertEquals(1, sink.components.size());
    }

    @Test
    void givesAPackageWithoutSpdxIdASyntheticRef() throws Exception {
        RecordingSink sink = parse(document("{\"name\": \"anonymous\"}", ""));
        assertEquals("anonymous", sink.components.get(0).name());
        assertTrue(sink.components.get(0).ref().startsWith("SPDXRef-"));
        assertTrue(sink.warnings.get(0).contains("no SPDXID"), sink.warnings.toString());
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        var e = assertThrows(DocumentRejectedException.class, () -> parse("""
                {"spdxVersion": "SPDX-2.3",
                 "packages": [{"SPDXID": "SPDXRef-a" "name": "a"}]}
                """));
        assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
    }

    @Test
    void rejectsTruncatedJson() {
        var e = assertThrows(DocumentRejectedException.class,
                () -> parse("{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [{\"SPDXID\": \"SPDXRef-a\""));
        assertTrue(e.getMessage().startsWith("truncated JSON"), e.getMessage());
    }

    @Test
    void rejectsDeepNestingQuickly() {
        String deep = "{\"spdxVersion\": \"SPDX-2.3\", \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        var e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(DocumentRejectedException.class, () -> parse(deep)));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void rejectsJsonThatIsNotSpdx2() {
        var cyclonedx = assertThrows(DocumentRejectedException.class,
                () -> parse("{\"bomFormat\": \"CycloneDX\", \"components\": []}"));
        assertTrue(cyclonedx.getMessage().contains("no spdxVersion"), cyclonedx.getMessage());
        var numeric = assertThrows(DocumentRejectedException.class,
                () -> parse("{\"spdxVersion\": 2, \"SPDXID\": \"SPDXRef-DOCUMENT\"}"));
        assertTrue(numeric.getMessage().contains("expected SPDX-2.x"), numeric.getMessage());
        var array = assertThrows(DocumentRejectedException.class, () -> parse("[1, 2]"));
        assertTrue(array.getMessage().contains("an array"), array.getMessage());
    }

    @Test
    void warnsAboutContentAfterTheDocument() throws Exception {
        RecordingSink sink = parse(document(pkg("SPDXRef-a"), "") + "Contact Us  Terms of Use");
        assertEquals(1, sink.components.size());
        assertTrue(sink.warnings.get(0).contains("after the end"), sink.warnings.toString());
    }
}
