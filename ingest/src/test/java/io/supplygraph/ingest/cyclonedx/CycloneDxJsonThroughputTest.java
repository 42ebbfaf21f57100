package io.supplygraph.ingest.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.ingest.sbom.SbomSink;
import io.supplygraph.model.EdgeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Our parser against a bare Jackson token pass over the same generated 20,000-component BOM. A measurement,
 * not a check: run it with {@code mvn -q -B -pl ingest -am test -Dtest=CycloneDxJsonThroughputTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsupplygraph.bench=true}.
 */
@EnabledIfSystemProperty(named = "supplygraph.bench", matches = "true")
class CycloneDxJsonThroughputTest {

    private static final int COMPONENTS = 20_000;
    private static final int ROUNDS = 15;

    @Test
    void parsesWithinTwiceTheTimeOfARawTokenPass() throws Exception {
        byte[] bom = generatedBom();
        JsonFactory factory = new JsonFactory();
        CycloneDxJsonParser parser = new CycloneDxJsonParser();
        CountingSink sink = new CountingSink();
        long bestRaw = Long.MAX_VALUE;
        long bestOurs = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            tokens(factory, bom);
            bestRaw = Math.min(bestRaw, System.nanoTime() - start);
            sink.components = 0;
            start = System.nanoTime();
            parser.parse(new ByteArrayInputStream(bom), sink);
            bestOurs = Math.min(bestOurs, System.nanoTime() - start);
            assertEquals(COMPONENTS, sink.components);
        }
        double mb = bom.length / 1e6;
        System.out.printf("%.1f MB, %d components: raw Jackson token pass %.0f ms (%.0f MB/s), "
                        + "CycloneDxJsonParser %.0f ms (%.0f MB/s), ratio %.2f%n",
                mb, COMPONENTS, bestRaw / 1e6, mb / (bestRaw / 1e9), bestOurs / 1e6, mb / (bestOurs / 1e9),
                (double) bestOurs / bestRaw);
    }

    private static int tokens(JsonFactory factory, byte[] bom) throws IOException {
        int count = 0;
        try (JsonParser json = factory.createParser(new ByteArrayInputStream(bom))) {
            while (json.nextToken() != null) {
                count++;
            }
        }
        return count;
    }

    /** A BOM shaped like a build tool's: about 1 KB per component, with a dependency graph. */
    private static byte[] generatedBom() {
        StringBuilder out = new StringBuilder(COMPONENTS * 1100);
        out.append("""
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "serialNumber": "urn:uuid:bench", "version": 1,
                 "metadata": {"timestamp": "2024-01-01T00:00:00Z", "component": {"type": "application", "name": "bench"}},
                 "components": [
                """);
        for (int i = 0; i < COMPONENTS; i++) {
            out.append(i == 0 ? "" : ",\n").append("""
                    {"type": "library", "bom-ref": "pkg:maven/org.example.group%1$d/artifact-%1$d@1.%1$d.0",
                     "group": "org.example.group%1$d", "name": "artifact-%1$d", "version": "1.%1$d.0",
                     "description": "A generated library that exists only to make this document large enough to measure.",
                     "scope": "required",
                     "hashes": [{"alg": "SHA-1", "content": "%2$040x"}, {"alg": "SHA-256", "content": "%2$064x"}],
                     "licenses": [{"license": {"id": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"}}],
                     "purl": "pkg:maven/org.example.group%1$d/artifact-%1$d@1.%1$d.0?type=jar",
                     "externalReferences": [{"type": "website", "url": "https://example.org/artifact-%1$d"},
                       {"type": "vcs", "url": "https://github.com/example/artifact-%1$d.git"}],
                     "properties": [{"name": "cdx:maven:package:test", "value": "false"}]}""".formatted(i, i * 7919L));
        }
        out.append("], \"dependencies\": [");
        for (int i = 0; i < COMPONENTS; i++) {
            out.append(i == 0 ? "" : ",").append("{\"ref\": \"pkg:maven/org.example.group%1$d/artifact-%1$d@1.%1$d.0\", \"dependsOn\": [\"pkg:maven/org.example.group%2$d/artifact-%2$d@1.%2$d.0\"]}"
                    .formatted(i, (i + 1) % COMPONENTS));
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Counts, so that the measurement is of the parser, not of a sink that keeps everything. */
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
