package io.supplygraph.ingest.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.sbom.RecordingSink.Edge;
import io.supplygraph.ingest.sbom.RecordingSink;
import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.model.Digest;
import io.supplygraph.model.EdgeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycloneDxXmlParserTest {

    private final CycloneDxXmlParser parser = new CycloneDxXmlParser();

    @Test
    void reportsNestedComponentsWithContainsEdgesAndTheSubjectApart() throws Exception {
        RecordingSink sink = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.5" serialNumber="urn:uuid:1" version="3">
                  <metadata>
                    <timestamp>2024-01-01T00:00:00Z</timestamp>
                    <component type="application" bom-ref="app">
                      <name>shop</name>
                      <components><component type="library" bom-ref="plugin"><name>plugin</name></component></components>
                    </component>
                  </metadata>
                  <components>
                    <component type="library" bom-ref="a"><name>a</name>
                      <components>
                        <component type="library" bom-ref="b"><name>b</name>
                          <components><component type="library" bom-ref="c"><name>c</name></component></components>
                        </component>
                      </components>
                    </component>
                    <component type="library" bom-ref="d"><name>d</name></component>
                  </components>
                </bom>
                """);
        assertEquals(List.of("1.5 shop"), sink.documents);
        assertEquals(List.of("app"), sink.subjects.stream().map(SbomComponent::ref).toList());
        assertEquals(Set.of("plugin", "a", "b", "c", "d"), sink.refs());
        assertEquals(5, sink.components.size());
        assertEquals(Set.of(new Edge("app", "plugin", EdgeKind.CONTAINS), new Edge("a", "b", EdgeKind.CONTAINS),
                new Edge("b", "c", EdgeKind.CONTAINS)), new HashSet<>(sink.edges));
        assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
    }

    @Test
    void reportsDependenciesAsWrittenAndIgnoresProvides() throws Exception {
        RecordingSink sink = parse("""
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6">
                  <components>
                    <component type="library" bom-ref="a"><name>a</name></component>
                    <component type="library" bom-ref="b"><name>b</name></component>
                  </components>
                  <dependencies>
                    <dependency ref="a"><dependency ref="b"/><dependency ref="nowhere"/><provides ref="api"/></dependency>
                    <dependency ref="b"/>
                  </dependencies>
                </bom>
                """);
        assertEquals(List.of(new Edge("a", "b", EdgeKind.DEPENDS_ON), new Edge("a", "nowhere", EdgeKind.DEPENDS_ON)),
                sink.edges);
    }

    @Test
    void readsTheNestedDependencyGraphExtensionOfSpec11() throws Exception {
        RecordingSink sink = parse("""
                <bom xmlns="http://cyclonedx.org/schema/bom/1.1" xmlns:dg="http://cyclonedx.org/schema/ext/dependency-graph/1.0">
                  <components><component type="library" bom-ref="1"><name>one</name></component></components>
                  <dg:dependencies>
                    <dg:dependency ref="1"><dg:dependency ref="4"><dg:dependency ref="3"/></dg:dependency></dg:dependency>
                  </dg:dependencies>
                </bom>
                """);
        assertEquals(List.of(new Edge("1", "4", EdgeKind.DEPENDS_ON), new Edge("4", "3", EdgeKind.DEPENDS_ON)),
                sink.edges);
    }

    @Test
    void mapsHashesLicencesAndIdentityFields() throws Exception {
        String sha1 = "E6B1000B94E835FFD37F4C6DCBDAD43F4B48A02A";
        RecordingSink sink = parse("""
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6">
                  <components>
                    <component type="library">
                      <supplier><name>QOS.ch</name></supplier>
                      <group>org.slf4j</group>
                      <name>slf4j-api</name>
                      <version>2.0.9</version>
                      <hashes><hash alg="SHA-1">%s</hash><hash alg="MD5">foo</hash></hashes>
                      <licenses>
                        <license acknowledgement="declared"><id>MIT</id></license>
                        <license><name>Some Licence</name><text>long text</text></license>
                        <expression acknowledgement="concluded">MIT OR Apache-2.0</expression>
                      </licenses>
                      <cpe>cpe:2.3:a:slf4j:slf4j:2.0.9:*:*:*:*:*:*:*</cpe>
                      <purl>
                        pkg:maven/org.slf4j/slf4j-api@2.0.9
                      </purl>
                      <externalReferences>
                        <reference type="website"><url>https://slf4j.org</url></reference>
                        <reference type="vcs"><url><![CDATA[https://github.com/qos-ch/slf4j]]></url></reference>
                      </externalReferences>
                      <x:future xmlns:x="urn:example"><x:name>not the name</x:name></x:future>
                    </component>
                  </components>
                </bom>
                """.formatted(sha1));
        SbomComponent c = sink.components.get(0);
        assertEquals(new SbomComponent(c.ref(), "org.slf4j/slf4j-api", "2.0.9", "pkg:maven/org.slf4j/slf4j-api@2.0.9",
                "library", List.of(new Digest("SHA-1", sha1)), "MIT AND (Some Licence)", "MIT OR Apache-2.0",
                "QOS.ch", "cpe:2.3:a:slf4j:slf4j:2.0.9:*:*:*:*:*:*:*", "https://github.com/qos-ch/slf4j"), c);
        assertEquals(1, sink.warnings.size(), sink.warnings::toString);
        assertTrue(sink.warnings.get(0).contains("malformed MD5 hash 'foo'"), sink.warnings::toString);
    }

    @Test
    void makesUpDistinctRefsForComponentsWithoutBomRef() throws Exception {
        RecordingSink sink = parse("""
                <bom xmlns="http://cyclonedx.org/schema/bom/1.0" version="1">
                  <components>
                    <component type="application"><name>a</name><version>1</version>
                      <components><component type="library"><name>b</name><version>2</version></component></components>
                    </component>
                    <component type="library"><name>c</name><version>3</version></component>
                  </components>
                </bom>
                """);
        assertEquals(List.of("1.0 null"), sink.documents);
        assertEquals(3, sink.refs().size());
        assertEquals(List.of(new Edge(sink.named("a").ref(), sink.named("b").ref(), EdgeKind.CONTAINS)),
                sink.edges);
        assertNull(sink.named("c").purl());
    }

    @Test
    void takesTheSpecVersionFromTheNamespaceOfLaterVersions() throws Exception {
        RecordingSink sink = parse("""
                <bom xmlns="http://cyclonedx.org/schema/bom/1.7" serialNumber="urn:uuid:7" version="9">
                  <futureSection><components><component type="library"><name>no</name></component></components></futureSection>
                  <components><component type="library" bom-ref="x"><name>x</name><newThing/></component></components>
                </bom>
                """);
        assertEquals(List.of("1.7 urn:uuid:7"), sink.documents);
        assertEquals(List.of("x"), sink.components.stream().map(SbomComponent::name).toList());
    }

    @Test
    void rejectsDocumentsThatAreNotCycloneDx() {
        assertRejected("root element is bom", "<bom><components/></bom>");
        assertRejected("root element is {http://cyclonedx.org/schema/bom/12}bom",
                "<bom xmlns=\"http://cyclonedx.org/schema/bom/12\"/>");
        assertRejected("root element is {http://spdx.org/rdf/terms#}Document",
                "<Document xmlns=\"http://spdx.org/rdf/terms#\"/>");
    }

    @Test
    void rejectsMalformedXmlWithLineAndColumn() {
        assertRejected("malformed XML at line 3, column ", """
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4">
                  <components>
                    <component type="library"><name>x</nme></component>
                  </components>
                </bom>
                """);
    }

    @Test
    void rejectsTruncatedXml() {
        assertRejected("malformed XML", """
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4">
                  <components>
                    <component type="library"><name>x</name>""");
    }

    @Test
    void rejectsBillionLaughsXml() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        assertRejected("DOCTYPE", """
                <?xml version="1.0"?>
                <!DOCTYPE bom [
                %s]>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4">
                  <components><component type="library"><name>&lol9;</name></component></components>
                </bom>
                """.formatted(entities));
    }

    @Test
    void rejectsExternalEntitiesWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String doc = """
                <?xml version="1.0"?>
                <!DOCTYPE bom [<!ENTITY xxe SYSTEM "%s">]>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4">
                  <components><component type="library"><name>&xxe;</name></component></components>
                </bom>
                """.formatted(secret.toUri());
        RecordingSink sink = new RecordingSink();
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> parser.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), sink));
        assertFalse(e.getMessage().contains("TOP-SECRET"), e::getMessage);
        assertTrue(sink.components.isEmpty());
    }

    @Test
    void rejectsComponentsNestedTooDeep() {
        int levels = BomFeed.MAX_COMPONENT_DEPTH + 1;
        String doc = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components>"
                + "<component type=\"library\"><name>n</name><components>".repeat(levels)
                + "</components></component>".repeat(levels) + "</components></bom>";
        assertRejected("nested more than " + BomFeed.MAX_COMPONENT_DEPTH + " levels", doc);
    }

    @Test
    void rejectsHundredThousandNestedElementsQuickly() {
        String doc = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">" + "<x>".repeat(100_000)
                + "</x>".repeat(100_000) + "</bom>";
        long start = System.nanoTime();
        assertRejected("nested more than " + ReadLimits.MAX_NESTING, doc);
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
