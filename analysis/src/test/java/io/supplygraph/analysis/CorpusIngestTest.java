package io.supplygraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline over the real SBOMs of the corpus: every SPDX 2 JSON and CycloneDX JSON document that is
 * well-formed is ingested, and the component count stored for it equals what the file lists, counted here
 * independently with a Jackson tree (CycloneDX: components at any depth, metadata.component excluded; SPDX:
 * packages). Other files (XML, tag-value, SPDX 3, broken ones) must be ingested or rejected with a reason.
 */
class CorpusIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void everyWellFormedSbomIsIngestedWithTheComponentsItLists() throws IOException {
        List<String> folders = Stream.of("sbom/guac-exampledata", "sbom/bom-shelter-in-the-wild",
                        "sbom/spdx-examples", "sbom/cyclonedx-bom-examples")
                .map(f -> Corpus.path(f).toString()).toList();
        Map<String, Integer> stored = new ConcurrentHashMap<>();
        Map<String, String> rejected = new TreeMap<>();
        IngestSummary summary;
        try (Supplygraph graph = Supplygraph.open(tmp.resolve("corpus.db").toString())) {
            summary = graph.ingest(folders, InputStream.nullInputStream(), new IngestListener() {
                @Override
                public void stored(String source, DocumentRecord record) {
                    stored.put(source, record.facts().componentCount());
                }

                @Override
                public void alreadyStored(String source, String digest) {
                    stored.put(source, -1);
                }

                @Override
                public void rejected(String source, String reason) {
                    rejected.put(source, reason);
                }
            });
            Map<String, Document> bySource = graph.documents().stream()
                    .collect(Collectors.toMap(Document::source, d -> d, (a, b) -> a));
            stored.forEach((source, count) -> {
                if (count >= 0) {
                    assertThat(bySource.get(source).components()).as(source).isEqualTo(count);
                }
            });
        }
        rejected.forEach((source, reason) -> System.out.println("rejected " + source + ": " + reason));
        System.out.printf("corpus: %d ingested, %d duplicates, %d rejected%n", summary.stored(),
                summary.alreadyStored(), summary.rejected());

        int checked = 0;
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Integer expected = listedComponents(file);
                    if (expected != null) {
                        assertThat(rejected).as(file.toString()).doesNotContainKey(file.toString());
                        Integer count = stored.get(file.toString());
                        assertThat(count).as(file + " was not ingested").isNotNull();
                        if (count >= 0) {
                            assertThat(count).as(file.toString()).isEqualTo(expected);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("well-formed JSON SBOMs checked").isGreaterThan(50);
        assertThat(rejected.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    /** What a well-formed SPDX 2 or CycloneDX JSON document lists, or null for anything else. */
    private static Integer listedComponents(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        if (root.path("spdxVersion").asText("").startsWith("SPDX-2")) {
            return root.path("packages").size();
        }
        if ("CycloneDX".equals(root.path("bomFormat").asText()) && !root.path("specVersion").asText("").isEmpty()) {
            return nested(root.path("components")) + nested(root.path("metadata").path("component").path("components"));
        }
        return null;
    }

    private static int nested(JsonNode components) {
        int n = 0;
        for (JsonNode c : components) {
            n += 1 + nested(c.path("components"));
        }
        return n;
    }
}
