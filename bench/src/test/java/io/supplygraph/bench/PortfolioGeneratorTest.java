package io.supplygraph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.bench.PortfolioGenerator.Spec;
import io.supplygraph.ingest.DocumentReaders;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.fact.SbomFacts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        List<Path> first = PortfolioGenerator.generate(new Spec(5, 60, 7, 0.5, false), dir.resolve("a"));
        List<Path> again = PortfolioGenerator.generate(new Spec(5, 60, 7, 0.5, false), dir.resolve("b"));
        List<Path> other = PortfolioGenerator.generate(new Spec(5, 60, 8, 0.5, false), dir.resolve("c"));

        assertEquals(5, first.size());
        boolean anyDiffers = false;
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).getFileName(), again.get(i).getFileName());
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(again.get(i)));
            anyDiffers |= !other.get(i).getFileName().equals(first.get(i).getFileName())
                    || !Arrays.equals(Files.readAllBytes(other.get(i)), Files.readAllBytes(first.get(i)));
        }
        assertTrue(anyDiffers, "a different seed must give a different portfolio");
    }

    @Test
    void cycloneDxDocumentsListTheRequestedComponentsOnce() throws Exception {
        for (Path file : PortfolioGenerator.generate(new Spec(4, 75, 1, 0, false), dir)) {
            JsonNode bom = JSON.readTree(file.toFile());
            assertEquals("CycloneDX", bom.get("bomFormat").asText());
            assertEquals("1.5", bom.get("specVersion").asText());
            assertEquals(75, bom.get("components").size());
            assertEquals(75, distinct(bom.get("components"), "purl"), "each package version is listed once");
            assertEquals(76, bom.get("dependencies").size(), "one entry per component and one for the subject");
        }
    }

    @Test
    void spdxDocumentsListTheSubjectAndTheRequestedPackages() throws Exception {
        for (Path file : PortfolioGenerator.generate(new Spec(4, 75, 1, 1, false), dir)) {
            JsonNode doc = JSON.readTree(file.toFile());
            assertEquals("SPDX-2.3", doc.get("spdxVersion").asText());
            assertEquals(76, doc.get("packages").size());
            assertEquals(76, distinct(doc.get("packages"), "SPDXID"));
            assertEquals("DESCRIBES", doc.get("relationships").get(0).get("relationshipType").asText());
        }
    }

    @Test
    void singleModeWritesOneCycloneDxBomOfTheRequestedSize() throws Exception {
        List<Path> files = PortfolioGenerator.generate(Spec.single(3_000), dir);

        assertEquals(1, files.size());
        assertEquals("single-3000.cdx.json", files.get(0).getFileName().toString());
        JsonNode bom = JSON.readTree(files.get(0).toFile());
        assertEquals(3_000, bom.get("components").size());
        assertEquals(3_000, distinct(bom.get("components"), "purl"));
    }

    @Test
    void denseModeWritesSmallComponentsAllReachableThroughStatedEdges() throws Exception {
        List<Path> files = PortfolioGenerator.generate(Spec.dense(1_000), dir);

        assertEquals("dense-1000.cdx.json", files.get(0).getFileName().toString());
        assertTrue(Files.size(files.get(0)) < 160 * 1_000, "about 120 bytes per component");
        SbomFacts facts = parse(files.get(0), DocumentFormat.CYCLONEDX_JSON);
        assertEquals(List.of(), facts.warnings());
        assertEquals(1_000, facts.componentCount());
        assertEquals(1_001, facts.packages().size(), "the components and the subject");
        // a tree (one edge per component) plus every 16th component's second parent
        assertEquals(1_000 + 1_000 / 16, facts.edges().size(), "no listed edge was needed");
        assertEquals(4, Arrays.stream(facts.depth()).max().orElseThrow(), "1 + 8 + 64 + 512 < 1,001 nodes");
    }

    @Test
    void ourParsersReadEveryComponentAndEdgeWithoutWarnings() throws Exception {
        for (Path file : PortfolioGenerator.generate(new Spec(8, 120, 3, 0.5, false), dir)) {
            JsonNode tree = JSON.readTree(file.toFile());
            boolean spdx = tree.has("spdxVersion");
            SbomFacts facts = parse(file, spdx ? DocumentFormat.SPDX_2_JSON : DocumentFormat.CYCLONEDX_JSON);

            assertEquals(List.of(), facts.warnings(), file.toString());
            // SPDX lists the subject among its packages; CycloneDX names it in metadata, outside components.
            assertEquals(spdx ? tree.get("packages").size() : tree.get("components").size(), facts.componentCount());
            assertEquals(121, facts.packages().size(), "the components and the subject");
            int stated = 0;
            if (spdx) {
                stated = tree.get("relationships").size() - 1; // all but DESCRIBES
            } else {
                for (JsonNode entry : tree.get("dependencies")) {
                    stated += entry.get("dependsOn").size();
                }
            }
            assertEquals(stated, facts.edges().size(), "every component is reachable, so no edge is added");
        }
    }

    @Test
    void popularPackagesRecurAcrossSbomsAtSeveralVersions() throws Exception {
        Set<String> log4jVersions = new HashSet<>();
        int sbomsWithLog4j = 0;
        List<Path> files = PortfolioGenerator.generate(new Spec(40, 150, 5, 0, false), dir);
        for (Path file : files) {
            boolean found = false;
            for (JsonNode c : JSON.readTree(file.toFile()).get("components")) {
                String purl = c.get("purl").asText();
                if (purl.startsWith("pkg:maven/org.apache.logging.log4j/log4j-core@")) {
                    found = true;
                    log4jVersions.add(c.get("version").asText());
                }
            }
            sbomsWithLog4j += found ? 1 : 0;
        }
        // A quarter of the SBOMs are Java applications, and log4j is the head of the Maven curve.
        assertTrue(sbomsWithLog4j >= 8, "log4j-core is in " + sbomsWithLog4j + " of 40 SBOMs");
        assertTrue(sbomsWithLog4j < 40, "a Python or Go application need not contain log4j");
        assertTrue(log4jVersions.size() >= 2, "log4j-core versions seen: " + log4jVersions);
    }

    private static SbomFacts parse(Path file, DocumentFormat format) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (SbomFacts) DocumentReaders.forFormat(format).orElseThrow().read(in, file.getFileName().toString());
        }
    }

    private static int distinct(JsonNode array, String field) {
        Set<String> seen = new HashSet<>();
        array.forEach(n -> seen.add(n.get(field).asText()));
        assertFalse(seen.contains(""), "every entry has " + field);
        return seen.size();
    }
}
