package io.supplygraph.ingest.recognise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.model.DocumentFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * What a whole document is, judged from its complete parse (a Jackson tree, a DOM) by the fields each
 * format's specification requires: the independent answer the head-only {@link Recogniser} must match.
 * A document that does not parse as a whole cannot be judged this way.
 */
final class FormatOracle {

    /** {@code judged} is false when the document is JSON or XML that does not parse as a whole. */
    record Verdict(boolean judged, Optional<DocumentFormat> format) {}


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG_VALUE_VERSION = Pattern.compile("(?m)^SPDXVersion:\\s*SPDX-\\d");

    private FormatOracle() {}

    static Verdict judge(byte[] document) {
        String text = new String(document, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").strip();
        if (text.startsWith("{")) {
            Optional<JsonNode> tree = json(text);
            return new Verdict(tree.isPresent(), tree.map(FormatOracle::judge));
        }
        if (text.startsWith("<")) {
            Optional<Element> root = xmlRoot(text);
            return new Verdict(root.isPresent(),
                    root.filter(FormatOracle::isCycloneDxBom).map(r -> DocumentFormat.CYCLONEDX_XML));
        }
        return new Verdict(true, TAG_VALUE_VERSION.matcher(text).find()
                ? Optional.of(DocumentFormat.SPDX_2_TAG_VALUE) : Optional.empty());
    }

    /** The whole text, or for JSON Lines its first line. */
    private static Optional<JsonNode> json(String text) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (IOException whole) {
            try {
                return Optional.of(JSON.readTree(text.lines().findFirst().orElse("")));
            } catch (IOException firstLine) {
                return Optional.empty();
            }
        }
    }

    private static DocumentFormat judge(JsonNode root) {
        String context = root.path("@context").toString();
        if (root.path("_type").asText().matches("https://in-toto\\.io/Statement/v[0-9.]+")
                || root.path("predicateType").isTextual() && root.path("subject").isArray()) {
            return DocumentFormat.IN_TOTO_STATEMENT;
        }
        if (root.path("mediaType").asText().matches("application/vnd\\.dev\\.sigstore\\.bundle.*")) {
            return DocumentFormat.SIGSTORE_BUNDLE;
        }
        if (root.path("payloadType").isTextual() && root.has("payload")) {
            return DocumentFormat.DSSE_ENVELOPE;
        }
        if (context.contains("spdx.org/rdf/3.")) {
            return DocumentFormat.SPDX_3_JSONLD;
        }
        if (context.contains("openvex.dev/ns") || root.has("@id") && root.path("statements").isArray()
                && root.has("author")) {
            return DocumentFormat.OPENVEX;
        }
        if (root.path("bomFormat").asText().equals("CycloneDX")) {
            return DocumentFormat.CYCLONEDX_JSON;
        }
        if (root.path("spdxVersion").isTextual()) {
            return DocumentFormat.SPDX_2_JSON;
        }
        if (root.path("document").path("csaf_version").isTextual()) {
            return DocumentFormat.CSAF;
        }
        if (root.path("scorecard").isObject() && root.path("checks").isArray() && root.path("repo").isObject()) {
            return DocumentFormat.SCORECARD;
        }
        if (root.path("id").isTextual() && root.path("modified").isTextual()
                && (root.path("affected").isArray() || root.path("aliases").isArray() || root.has("withdrawn"))) {
            return DocumentFormat.OSV;
        }
        return null;
    }

    private static Optional<Element> xmlRoot(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fail quietly, no "[Fatal Error]" on stderr
            return Optional.of(builder
                    .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getDocumentElement());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static boolean isCycloneDxBom(Element root) {
        return "bom".equals(root.getLocalName()) && root.getNamespaceURI() != null
                && root.getNamespaceURI().matches("http://cyclonedx\\.org/schema/bom/[0-9.]+");
    }
}
