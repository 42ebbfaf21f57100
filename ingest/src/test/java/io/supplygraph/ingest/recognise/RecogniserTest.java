package io.supplygraph.ingest.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.supplygraph.model.DocumentFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecogniserTest {

    private final Recogniser recogniser = new Recogniser();

    private Optional<DocumentFormat> recognise(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        return recogniser.recognise(bytes, bytes.length);
    }

    private void assertFormat(DocumentFormat expected, String head) {
        assertEquals(Optional.of(expected), recognise(head), head);
    }

    /** A document's beginning cut inside a long array, as a 64 KB head cuts a large SBOM. */
    private static String cutInside(String prefix, String repeatedItem) {
        return prefix + repeatedItem.repeat(200);
    }

    @Test
    void recognisesSpdx2JsonWhateverTheKeyOrder() {
        assertFormat(DocumentFormat.SPDX_2_JSON, "{\"spdxVersion\": \"SPDX-2.3\", \"SPDXID\": \"SPDXRef-DOCUMENT\"}");
        assertFormat(DocumentFormat.SPDX_2_JSON,
                "{\"SPDXID\": \"SPDXRef-DOCUMENT\", \"packages\": [], \"spdxVersion\": \"SPDX-2.2\"}");
    }

    @Test
    void recognisesSpdx2JsonCutBeforeItsVersionByLargeFilesArray() {
        assertFormat(DocumentFormat.SPDX_2_JSON,
                cutInside("{\"files\": [", "{\"fileName\": \"./a.dll\", \"SPDXID\": \"SPDXRef-File-a\"},"));
    }

    @Test
    void recognisesSpdxTagValueAfterComments() {
        assertFormat(DocumentFormat.SPDX_2_TAG_VALUE,
                "## Document Header\n\nSPDXVersion: SPDX-2.2\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\n");
    }

    @Test
    void recognisesSpdx3JsonLdByItsContext() {
        assertFormat(DocumentFormat.SPDX_3_JSONLD,
                "{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\", \"@graph\": [");
        assertFormat(DocumentFormat.SPDX_3_JSONLD,
                "{\"@graph\": [], \"@context\": [\"https://spdx.org/rdf/3.0.0/spdx-context.jsonld\", {\"x\": 1}]}");
    }

    @Test
    void recognisesCycloneDxJsonWhateverTheKeyOrder() {
        assertFormat(DocumentFormat.CYCLONEDX_JSON, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\"}");
        assertFormat(DocumentFormat.CYCLONEDX_JSON,
                "{\"components\": [{\"name\": \"a\"}], \"specVersion\": \"1.4\", \"bomFormat\": \"CycloneDX\"}");
        assertFormat(DocumentFormat.CYCLONEDX_JSON, "{\"specVersion\": \"1.4\", \"metadata\": {}}");
    }

    @Test
    void recognisesCycloneDxJsonCutInsideComponentsBeforeBomFormat() {
        assertFormat(DocumentFormat.CYCLONEDX_JSON,
                cutInside("{\"components\": [", "{\"type\": \"library\", \"bom-ref\": \"pkg:npm/a@1\"},"));
        assertFormat(DocumentFormat.CYCLONEDX_JSON, cutInside(
                "{\"$schema\": \"http://cyclonedx.org/schema/bom-1.4.schema.json\", \"dependencies\": [", "{\"ref\": \"x\"},"));
    }

    @Test
    void toleratesByteOrderMarkAndLeadingWhitespace() {
        assertFormat(DocumentFormat.CYCLONEDX_JSON, "\uFEFF \n\t{\"bomFormat\": \"CycloneDX\"}");
        assertFormat(DocumentFormat.CYCLONEDX_XML,
                "\uFEFF\n<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\">");
    }

    @Test
    void recognisesCycloneDxXmlByRootElementNamespace() {
        assertFormat(DocumentFormat.CYCLONEDX_XML,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by hand -->\n"
                        + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\" serialNumber=\"urn:uuid:1\"><components>");
        assertFormat(DocumentFormat.CYCLONEDX_XML,
                "<cdx:bom xmlns:cdx=\"http://cyclonedx.org/schema/bom/1.2\"><cdx:components>");
    }

    @Test
    void doesNotTakeOtherXmlForCycloneDx() {
        assertEquals(Optional.empty(), recognise("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><bom/>"));
        assertEquals(Optional.empty(), recognise("<bom xmlns=\"http://example.com/bom\"/>"));
        assertEquals(Optional.empty(), recognise("<bom>"));
    }

    @Test
    void rejectsBillionLaughsXmlWithoutExpandingIt() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">&lol3;</bom>";
        // the root element is still visible; what matters is that nothing is expanded or fetched
        Optional<DocumentFormat> found = recognise(laughs);
        assertEquals(true, found.isEmpty() || found.get() == DocumentFormat.CYCLONEDX_XML, found::toString);
        assertEquals(Optional.empty(), recognise(
                "<!DOCTYPE bom SYSTEM \"http://127.0.0.1:9/evil.dtd\"><bom xmlns=\"urn:other\"/>"));
    }

    @Test
    void recognisesInTotoStatementsByTypeNotByTheirPredicate() {
        assertFormat(DocumentFormat.IN_TOTO_STATEMENT, "{\"_type\": \"https://in-toto.io/Statement/v0.1\", "
                + "\"predicateType\": \"https://slsa.dev/provenance/v0.2\", \"subject\": []}");
        // a CycloneDX predicate inside: nested keys do not count
        assertFormat(DocumentFormat.IN_TOTO_STATEMENT, "{\"predicate\": {\"bomFormat\": \"CycloneDX\", "
                + "\"specVersion\": \"1.5\", \"components\": []}, \"_type\": \"https://in-toto.io/Statement/v1\"}");
        assertFormat(DocumentFormat.IN_TOTO_STATEMENT,
                "{\"subject\": [{\"name\": \"a\"}], \"predicateType\": \"https://cyclonedx.org/bom\", \"predicate\": {");
    }

    @Test
    void recognisesDsseEnvelopeEvenWhenItsPayloadRunsPastTheHead() {
        assertFormat(DocumentFormat.DSSE_ENVELOPE, "{\"payloadType\": \"application/vnd.in-toto+json\", "
                + "\"payload\": \"eyJfdHlwZSI6\", \"signatures\": [{\"sig\": \"MEUC\"}]}");
        assertFormat(DocumentFormat.DSSE_ENVELOPE,
                "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \"" + "eyJf".repeat(1000));
    }

    @Test
    void recognisesSigstoreBundleOfAnyVersion() {
        assertFormat(DocumentFormat.SIGSTORE_BUNDLE, "{\"mediaType\": "
                + "\"application/vnd.dev.sigstore.bundle+json;version=0.1\", \"verificationMaterial\": {}}");
        assertFormat(DocumentFormat.SIGSTORE_BUNDLE, "{\"verificationMaterial\": {\"certificate\": {}}, "
                + "\"mediaType\": \"application/vnd.dev.sigstore.bundle.v0.3+json\", \"dsseEnvelope\": {");
    }

    @Test
    void recognisesOpenVex() {
        assertFormat(DocumentFormat.OPENVEX, "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"x\", "
                + "\"statements\": []}");
    }

    @Test
    void recognisesCsafByItsNestedVersion() {
        assertFormat(DocumentFormat.CSAF, "{\"$schema\": \"https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json\","
                + " \"document\": {\"category\": \"csaf_vex\", \"publisher\": {\"name\": \"x\"}, \"csaf_version\": \"2.0\"},"
                + " \"vulnerabilities\": [");
    }

    @Test
    void recognisesOsv() {
        assertFormat(DocumentFormat.OSV, "{\"schema_version\": \"1.4.0\", \"id\": \"GHSA-jfh8-c2jp-5v3q\", "
                + "\"modified\": \"2023-01-01T00:00:00Z\", \"affected\": [");
        assertFormat(DocumentFormat.OSV, "{\"id\": \"GO-2022-0001\", \"modified\": \"0001-01-01T00:00:00Z\", "
                + "\"aliases\": [\"CVE-2021-1\"]}");
    }

    @Test
    void recognisesScorecardResult() {
        assertFormat(DocumentFormat.SCORECARD, "{\"date\": \"2022-10-06\", \"repo\": {\"name\": \"github.com/a/b\"}, "
                + "\"scorecard\": {\"version\": \"v4.7.0\"}, \"score\": 7.1, \"checks\": [");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "[1, 2, 3]", "{}", "{\"name\": \"x\", \"version\": \"1\"}", "{\"spdxVer",
            "hello world\n", "{\"bomFormat\": \"SomethingElse\", \"components\": []}", "<", "{\"components\": ["})
    void findsNothingInUnknownOrIncompleteHeads(String head) {
        assertEquals(Optional.empty(), recognise(head));
    }

    @Test
    void findsNothingInBinaryJunkAndNeverThrows() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = new byte[random.nextInt(512)];
            random.nextBytes(junk);
            if (junk.length > 0 && i % 3 == 0) {
                junk[0] = (byte) "{<S".charAt(i % 9 / 3); // make the JSON, XML and tag-value paths see junk too
            }
            assertEquals(Optional.empty(), recogniser.recognise(junk, junk.length));
        }
    }

    @Test
    void looksOnlyAtTheGivenLength() {
        byte[] bytes = "{\"bomFormat\": \"CycloneDX\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), recogniser.recognise(bytes, 10));
        assertEquals(Optional.empty(), recogniser.recognise(new byte[0], 0));
    }
}
