package io.supplygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.supplygraph.ingest.osv.OsvReader;
import io.supplygraph.ingest.verify.EnvelopeReader;
import io.supplygraph.ingest.verify.VerificationPolicy;
import io.supplygraph.model.DocumentFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parser stops at the README's string limit, and says so in the same words. */
class StringLimitTest {

    /** 17 MiB, over the 16 MiB limit; in a field each parser reads, since a skipped string costs nothing. */
    private static final String LONG = "x".repeat(17 << 20);
    private static final String LIMIT = "longer than the string limit of 16 MiB (16,777,216 characters)";

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of(DocumentFormat.CYCLONEDX_JSON, """
                        {"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"type":"library","name":"%s"}]}"""),
                Arguments.of(DocumentFormat.CYCLONEDX_XML, """
                        <bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>
                        <component type="library"><name>%s</name></component></components></bom>"""),
                Arguments.of(DocumentFormat.CYCLONEDX_XML, """
                        <bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>
                        <component type="library" bom-ref="%s"><name>a</name></component></components></bom>"""),
                Arguments.of(DocumentFormat.SPDX_2_JSON, """
                        {"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"%s"}"""),
                Arguments.of(DocumentFormat.SPDX_2_TAG_VALUE, "SPDXVersion: SPDX-2.3\nDocumentName: %s\n"),
                Arguments.of(DocumentFormat.SPDX_2_TAG_VALUE, "SPDXVersion: SPDX-2.3\nDocumentComment: <text>a\n%s\n"),
                Arguments.of(DocumentFormat.SPDX_3_JSONLD, """
                        {"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
                         "@graph":[{"type":"software_Package","spdxId":"p","name":"%s"}]}"""),
                Arguments.of(DocumentFormat.OPENVEX, """
                        {"@context":"https://openvex.dev/ns/v0.2.0","@id":"%s","statements":[]}"""),
                Arguments.of(DocumentFormat.CSAF, """
                        {"document":{"category":"csaf_vex","csaf_version":"2.0","title":"%s"}}"""),
                Arguments.of(DocumentFormat.IN_TOTO_STATEMENT, """
                        {"_type":"https://in-toto.io/Statement/v1","predicateType":"https://example.com/p",
                         "subject":[{"name":"%s","digest":{"sha256":"ab"}}],"predicate":{}}"""),
                Arguments.of(DocumentFormat.SCORECARD, """
                        {"repo":{"name":"%s"},"score":5,"checks":[]}"""),
                Arguments.of(DocumentFormat.OSV, """
                        {"id":"%s","modified":"2024-01-01T00:00:00Z"}"""));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void stringOverTheLimitRejectsTheDocumentNamingTheLimit(DocumentFormat format, String template) {
        DocumentReader reader = DocumentReaders.forFormat(format).orElseThrow();

        var e = assertThrows(DocumentRejectedException.class,
                () -> reader.read(new ByteArrayInputStream(bytes(template)), "long"));

        assertThat(e.getMessage()).contains(LIMIT);
    }

    @Test
    void osvYamlStopsEarlierAtTheWholeDocumentLimitForYaml() {
        var e = assertThrows(DocumentRejectedException.class,
                () -> new OsvReader().read(bytes("id: %s\nmodified: 2024-01-01T00:00:00Z\n")));

        assertThat(e.getMessage()).contains("a YAML document is longer than the limit for YAML of 1 MiB");
    }

    @Test
    void signedEnvelopeStopsAtTheSameLimit() {
        byte[] envelope = bytes("""
                {"payloadType":"application/vnd.in-toto+json","payload":"%s","signatures":[]}""");

        var e = assertThrows(DocumentRejectedException.class,
                () -> new EnvelopeReader(VerificationPolicy.none()).read(new ByteArrayInputStream(envelope)));

        assertThat(e.getMessage()).contains(LIMIT);
    }

    private static byte[] bytes(String template) {
        return template.formatted(LONG).getBytes(StandardCharsets.UTF_8);
    }
}
