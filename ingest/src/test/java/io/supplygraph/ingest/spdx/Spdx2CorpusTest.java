package io.supplygraph.ingest.spdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.RecordingSink;
import io.supplygraph.ingest.sbom.SbomParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SPDX 2 document of the corpus, found by content, against counts taken independently: a Jackson
 * tree of the JSON, the {@code PackageName:} lines of the tag-value. What a broken document must produce
 * (rejection or a warning) is decided from its content too, never from its name.
 */
class Spdx2CorpusTest {

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final ObjectMapper STRICT_TREE =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern TAG_VALUE_VERSION = Pattern.compile("(?m)^\\s*SPDXVersion:\\s*SPDX-2");
    private static final Pattern PACKAGE_NAME_LINE = Pattern.compile("(?m)^\\s*PackageName:");
    private static final Pattern VALID_VERSION = Pattern.compile("SPDX-2\\.\\d+");

    @TestFactory
    Stream<DynamicTest> everySpdx2JsonDocumentListsItsPackages() {
        List<Path> files = CorpusFiles.matching(text -> text.stripLeading().startsWith("{")
                && text.contains("\"spdxVersion\""));
        assertFalse(files.isEmpty(), "no SPDX 2 JSON found in the corpus");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> checkJson(f)));
    }

    @TestFactory
    Stream<DynamicTest> everySpdxTagValueDocumentListsItsPackages() {
        List<Path> files = CorpusFiles.matching(text -> TAG_VALUE_VERSION.matcher(text).find()
                && !text.stripLeading().startsWith("{"));
        assertFalse(files.isEmpty(), "no SPDX tag-value found in the corpus");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> checkTagValue(f)));
    }

    private static void checkJson(Path file) throws Exception {
        JsonNode tree = TREE.readTree(file.toFile());
        if (!tree.path("spdxVersion").isTextual()
                || !VALID_VERSION.matcher(tree.path("spdxVersion").asText()).matches()) {
            DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                    () -> parse(new Spdx2JsonParser(), file));
            assertTrue(e.getMessage().contains("spdxVersion"), e.getMessage());
            return;
        }
        RecordingSink sink = parse(new Spdx2JsonParser(), file);
        JsonNode packages = tree.path("packages");
        assertEquals(packages.size(), sink.components.size(), "components");
        assertEquals(tree.path("spdxVersion").asText().substring("SPDX-".length()), sink.specVersion);
        assertEquals(1, sink.documents.size());
        assertEquals(0, sink.callsBeforeDocument);
        for (JsonNode p : packages) {
            String id = p.path("SPDXID").asText("");
            if (!id.isEmpty()) {
                assertEquals(p.path("name").asText(p.path("packageName").asText("")), sink.withRef(id).name());
            }
        }
        if (tree.path("SPDXID").asText("").isBlank()) {
            assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("no SPDXID")), sink.warnings.toString());
        }
        if (hasTrailingContent(file)) {
            assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("after the end")), sink.warnings.toString());
        }
    }

    private static void checkTagValue(Path file) throws Exception {
        String text = CorpusFiles.read(file);
        if (count(text, "<text>") > count(text, "</text>")) {
            // cut off inside a multi-line value, as a download truncated at a buffer boundary is
            DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                    () -> parse(new SpdxTagValueParser(), file));
            assertTrue(e.getMessage().contains("never closes"), e.getMessage());
            return;
        }
        RecordingSink sink = parse(new SpdxTagValueParser(), file);
        assertEquals(PACKAGE_NAME_LINE.matcher(text).results().count(), sink.components.size(), "components");
        assertTrue(sink.specVersion.startsWith("2."), sink.specVersion);
        assertEquals(0, sink.callsBeforeDocument);
    }

    private static long count(String text, String literal) {
        return Pattern.compile(Pattern.quote(literal)).matcher(text).results().count();
    }

    private static boolean hasTrailingContent(Path file) {
        try {
            STRICT_TREE.readTree(file.toFile());
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static RecordingSink parse(SbomParser parser, Path file) throws IOException, DocumentRejectedException {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, sink);
        }
        return sink;
    }
}
