package io.supplygraph.ingest.spdx3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.sbom.RecordingSink;
import io.supplygraph.ingest.spdx.CorpusFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SPDX 3 JSON-LD document of the corpus, found by content, against a Jackson tree of the same file:
 * one component per package-typed graph element, with the name and the declared licence expression the
 * tree says it has.
 */
class Spdx3CorpusTest {

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final Set<String> PACKAGE_TYPES = Set.of("software_Package", "ai_AIPackage", "dataset_DatasetPackage");

    @TestFactory
    Stream<DynamicTest> everySpdx3DocumentListsItsPackages() {
        List<Path> files = CorpusFiles.matching(text -> text.contains("\"@context\"")
                && text.contains("spdx.org/rdf/3."));
        assertFalse(files.isEmpty(), "no SPDX 3 JSON-LD found in the corpus");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> check(f)));
    }

    private static void check(Path file) throws Exception {
        JsonNode graph = TREE.readTree(file.toFile()).path("@graph");
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            new Spdx3JsonLdParser().parse(in, sink);
        }
        Map<String, String> expressions = new HashMap<>();
        Map<String, String> declared = new HashMap<>();
        int packages = 0;
        for (JsonNode e : graph) {
            String type = e.path("type").asText();
            if (PACKAGE_TYPES.contains(type)) {
                packages++;
                assertEquals(e.path("name").asText(), sink.withRef(e.path("spdxId").asText()).name());
            } else if (type.equals("simplelicensing_LicenseExpression")) {
                expressions.put(e.path("spdxId").asText(), e.path("simplelicensing_licenseExpression").asText());
            } else if (e.path("relationshipType").asText().equals("hasDeclaredLicense")) {
                declared.putIfAbsent(e.path("from").asText(), e.path("to").path(0).asText());
            }
        }
        assertEquals(packages, sink.components.size(), "components");
        assertTrue(sink.specVersion.startsWith("3."), sink.specVersion);
        for (var c : sink.components) {
            String expression = expressions.get(declared.get(c.ref()));
            if (expression != null && !expression.equals("NOASSERTION") && !expression.equals("NONE")) {
                assertEquals(expression, c.declaredLicence(), c.ref());
            }
        }
    }
}
