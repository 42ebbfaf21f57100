package io.supplygraph.ingest.spdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.ingest.sbom.SbomSink;
import io.supplygraph.model.EdgeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The parser against the floor it stands on: a bare Jackson token pass over the same bytes. A generated
 * SPDX 2.3 document of 20,000 packages (about 24 MB, as in DESIGN.md's measurement) is parsed several
 * times; the best run of each counts, so JIT warm-up and a busy neighbour do not decide the figure.
 * Run alone with {@code mvn -q -B -pl ingest -am test -Dtest=Spdx2JsonThroughputTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints both rates.
 */
class Spdx2JsonThroughputTest {

    private static final int PACKAGES = 20_000;
    private static final int RUNS = 15;

    @Test
    void staysWithinTwiceTheCostOfABareTokenPass() throws Exception {
        byte[] document = generate(PACKAGES);
        CountingSink sink = new CountingSink();
        long parser = Long.MAX_VALUE;
        long tokens = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            tokenPass(document);
            tokens = Math.min(tokens, System.nanoTime() - start);
            sink.components = 0;
            start = System.nanoTime();
            new Spdx2JsonParser().parse(new ByteArrayInputStream(document), sink);
            parser = Math.min(parser, System.nanoTime() - start);
        }
        assertEquals(PACKAGES, sink.components);
        double mb = document.length / 1e6;
        System.out.printf("SPDX 2.3 JSON, %d packages, %.1f MB: token pass %.0f MB/s (%d ms), Spdx2JsonParser %.0f MB/s"
                        + " (%d ms), ratio %.2f%n",
                PACKAGES, mb, mb / (tokens / 1e9), tokens / 1_000_000, mb / (parser / 1e9), parser / 1_000_000,
                (double) parser / tokens);
        // 2x is the goal; the bound leaves room for a shared, noisy machine
        assertTrue(parser < 3 * tokens, "parser " + parser / 1_000_000 + " ms vs token pass " + tokens / 1_000_000 + " ms");
    }

    private static void tokenPass(byte[] document) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(document)) {
            while (p.nextToken() != null) {
                // the floor: tokenising only, no values materialised
            }
        }
    }

    /** Packages shaped like a container scanner's, each depending on the one before and holding a file. */
    static byte[] generate(int packages) {
        StringBuilder json = new StringBuilder(packages * 1300);
        json.append("""
                {"spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT",
                 "name": "generated", "documentNamespace": "https://example.com/generated",
                 "creationInfo": {"created": "2024-01-01T00:00:00Z", "creators": ["Tool: generator"]},
                 "documentDescribes": ["SPDXRef-Package-0"],
                 "packages": [
                """);
        for (int i = 0; i < packages; i++) {
            json.append(i == 0 ? "" : ",\n").append("""
                    {"SPDXID": "SPDXRef-Package-%1$d", "name": "package-%1$d", "versionInfo": "1.%1$d.0",
                     "supplier": "Organization: Example Corp", "originator": "Person: Jane Doe (jane@example.com)",
                     "downloadLocation": "git+https://github.com/example/package-%1$d.git@v1.%1$d.0",
                     "filesAnalyzed": false, "primaryPackagePurpose": "LIBRARY",
                     "licenseConcluded": "NOASSERTION", "licenseDeclared": "Apache-2.0 OR MIT",
                     "copyrightText": "Copyright (c) 2024 Example Corp and contributors",
                     "description": "A generated package that stands in for one of many libraries in an image.",
                     "checksums": [{"algorithm": "SHA1", "checksumValue": "%2$040x"},
                                   {"algorithm": "SHA256", "checksumValue": "%2$064x"}],
                     "externalRefs": [
                       {"referenceCategory": "SECURITY", "referenceType": "cpe23Type",
                        "referenceLocator": "cpe:2.3:a:example:package-%1$d:1.%1$d.0:*:*:*:*:*:*:*"},
                       {"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
                        "referenceLocator": "pkg:maven/com.example/package-%1$d@1.%1$d.0"}]}""".formatted(i, i * 7919L));
        }
        json.append("],\n \"files\": [");
        for (int i = 0; i < packages; i++) {
            json.append(i == 0 ? "" : ",\n").append("""
                    {"SPDXID": "SPDXRef-File-%1$d", "fileName": "/usr/lib/package-%1$d.so",
                     "checksums": [{"algorithm": "SHA1", "checksumValue": "%2$040x"}]}""".formatted(i, i * 104729L));
        }
        json.append("],\n \"relationships\": [");
        for (int i = 1; i < packages; i++) {
            json.append(i == 1 ? "" : ",\n").append("""
                    {"spdxElementId": "SPDXRef-Package-%d", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-Package-%d"},
                    {"spdxElementId": "SPDXRef-Package-%d", "relationshipType": "CONTAINS", "relatedSpdxElement": "SPDXRef-File-%d"}"""
                    .formatted(i - 1, i, i, i));
        }
        json.append("]}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class CountingSink implements SbomSink {
        int components;

        @Override
        public void document(String specVersion, String name) {}

        @Override
        public void component(SbomComponent component) {
            components++;
        }

        @Override
        public void subject(SbomComponent subject) {}

        @Override
        public void describes(String ref) {}

        @Override
        public void relationship(String fromRef, String toRef, EdgeKind kind) {}

        @Override
        public void warning(String message) {
            throw new AssertionError(message);
        }
    }
}
