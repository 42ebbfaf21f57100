package io.supplygraph.ingest.recognise;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.model.DocumentFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The top-level keys of a JSON object as far as the head shows them, with the few values recognition
 * needs. Containers are skipped unread, so a 60 KB {@code components} array costs a scan, not a tree.
 * The first object of a JSON Lines file counts as the document.
 */
final class JsonHead {

    private static final JsonFactory FACTORY = ReadLimits.json()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final String IN_TOTO_STATEMENT = "https://in-toto.io/Statement/";
    private static final String SIGSTORE_BUNDLE = "application/vnd.dev.sigstore.bundle";
    private static final String SPDX_3_CONTEXT = "spdx.org/rdf/3";
    private static final String OPENVEX_CONTEXT = "openvex.dev/ns";
    private static final String CYCLONEDX_SCHEMA = "cyclonedx.org/schema/bom-";
    private static final Set<String> OSV_FIELDS = Set.of(
            "affected", "aliases", "withdrawn", "schema_version", "summary", "details", "related", "published");

    private final String text;
    private final Set<String> keys = new HashSet<>();
    private final Map<String, String> strings = new HashMap<>();
    private final List<String> contexts = new ArrayList<>();
    private String csafVersion;
    /** Whether the whole top-level object was seen: then a missing key is really missing. */
    private boolean complete;

    private JsonHead(String text) {
        this.text = text;
    }

    static JsonHead scan(byte[] head, int offset, int length) {
        JsonHead seen = new JsonHead(new String(head, offset, length, StandardCharsets.ISO_8859_1));
        try (JsonParser parser = FACTORY.createParser(head, offset, length)) {
            seen.read(parser);
        } catch (IOException e) {
            // the head ends inside the document, or it is not JSON after all: decide on what was seen
        }
        return seen;
    }

    private void read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return;
        }
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            keys.add(key);
            JsonToken value = parser.nextToken();
            if (key.equals("@context")) {
                readContext(parser, value);
            } else if (key.equals("document") && value == JsonToken.START_OBJECT) {
                readCsafDocument(parser);
            } else if (value == JsonToken.VALUE_STRING) {
                strings.put(key, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        complete = token == JsonToken.END_OBJECT;
    }

    /** JSON-LD allows a string, or an array of strings and objects. */
    private void readContext(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            contexts.add(parser.getText());
        } else if (value == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (item == JsonToken.VALUE_STRING) {
                    contexts.add(parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } else {
            parser.skipChildren();
        }
    }

    private void readCsafDocument(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_STRING && key.equals("csaf_version")) {
                csafVersion = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
    }

    Optional<DocumentFormat> format() {
        Optional<DocumentFormat> decided = decisive();
        return decided.isPresent() || complete ? decided : beyondTheHead();
    }

    /** Keys each format's specification requires, and that no other format uses at the top level. */
    private Optional<DocumentFormat> decisive() {
        if (startsWith("_type", IN_TOTO_STATEMENT) || strings.containsKey("predicateType") && keys.contains("subject")) {
            return Optional.of(DocumentFormat.IN_TOTO_STATEMENT);
        }
        if (startsWith("mediaType", SIGSTORE_BUNDLE)) {
            return Optional.of(DocumentFormat.SIGSTORE_BUNDLE);
        }
        if (strings.containsKey("payloadType") && (keys.contains("payload") || keys.contains("signatures"))) {
            return Optional.of(DocumentFormat.DSSE_ENVELOPE);
        }
        if (contextContains(SPDX_3_CONTEXT)) {
            return Optional.of(DocumentFormat.SPDX_3_JSONLD);
        }
        if (contextContains(OPENVEX_CONTEXT)
                || keys.contains("@id") && keys.contains("statements") && keys.contains("author")) {
            return Optional.of(DocumentFormat.OPENVEX);
        }
        // without bomFormat a specVersion beside components or metadata is still CycloneDX; with another
        // bomFormat the document says it is something else
        if ("CycloneDX".equals(strings.get("bomFormat")) || !keys.contains("bomFormat")
                && strings.containsKey("specVersion") && (keys.contains("components") || keys.contains("metadata"))
                && contexts.isEmpty()) {
            return Optional.of(DocumentFormat.CYCLONEDX_JSON);
        }
        if (strings.containsKey("spdxVersion")) {
            return Optional.of(DocumentFormat.SPDX_2_JSON);
        }
        if (csafVersion != null) {
            return Optional.of(DocumentFormat.CSAF);
        }
        if (keys.contains("scorecard") && keys.contains("checks") && keys.contains("repo")) {
            return Optional.of(DocumentFormat.SCORECARD);
        }
        if ("CVE_RECORD".equals(strings.get("dataType")) && keys.contains("cveMetadata")) {
            return Optional.of(DocumentFormat.CVE_RECORD);
        }
        if (strings.containsKey("id") && strings.containsKey("modified") && keys.stream().anyMatch(OSV_FIELDS::contains)) {
            return Optional.of(DocumentFormat.OSV);
        }
        return Optional.empty();
    }

    /**
     * The head stopped before the deciding key, typically inside a large array that a producer wrote
     * first ({@code components} before {@code bomFormat}, {@code files} before {@code spdxVersion}): signals
     * that are strong only together with the keys already seen.
     */
    private Optional<DocumentFormat> beyondTheHead() {
        if (strings.getOrDefault("$schema", "").contains(CYCLONEDX_SCHEMA)
                || keys.contains("components") && text.contains("\"bom-ref\"")) {
            return Optional.of(DocumentFormat.CYCLONEDX_JSON);
        }
        if (startsWith("SPDXID", "SPDXRef-") || keys.contains("documentNamespace")
                || (keys.contains("files") || keys.contains("packages")) && text.contains("\"SPDXRef-")) {
            return Optional.of(DocumentFormat.SPDX_2_JSON);
        }
        if (keys.contains("payloadType")) {
            return Optional.of(DocumentFormat.DSSE_ENVELOPE);
        }
        return Optional.empty();
    }

    private boolean startsWith(String key, String prefix) {
        String value = strings.get(key);
        return value != null && value.startsWith(prefix);
    }

    private boolean contextContains(String fragment) {
        return contexts.stream().anyMatch(c -> c.contains(fragment));
    }
}
