package io.supplygraph.analysis.vex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.analysis.vex.VexExport.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes {@link VexExport}'s statements as an OpenVEX 0.2.0 document. */
final class OpenVexWriter {

    static final ObjectMapper JSON = new ObjectMapper();

    private OpenVexWriter() {}

    static String write(Map<Statement, Map<String, Set<String>>> statements, Instant timestamp) {
        ArrayNode list = JSON.createArrayNode();
        statements.forEach((s, products) -> {
            ObjectNode statement = list.addObject();
            ObjectNode vulnerability = statement.putObject("vulnerability");
            vulnerability.put("name", s.vulnerability());
            if (!s.aliases().isEmpty()) {
                s.aliases().forEach(vulnerability.putArray("aliases")::add);
            }
            ArrayNode productNodes = statement.putArray("products");
            products.forEach((product, packages) -> {
                ObjectNode node = productNodes.addObject().put("@id", product);
                List<String> subcomponents = new ArrayList<>(packages);
                subcomponents.remove(product);
                if (!subcomponents.isEmpty()) {
                    ArrayNode subs = node.putArray("subcomponents");
                    subcomponents.forEach(p -> subs.addObject().put("@id", p));
                }
            });
            statement.put("status", s.status());
            putIfPresent(statement, "justification", s.justification());
            putIfPresent(statement, "impact_statement", s.impact());
            putIfPresent(statement, "action_statement", s.action());
        });
        ObjectNode document = JSON.createObjectNode();
        document.put("@context", "https://openvex.dev/ns/v0.2.0");
        // the same statements give the same id, whenever they are exported
        document.put("@id", "urn:supplygraph:vex:" + sha256(list.toString()));
        document.put("author", "Supplygraph");
        document.put("timestamp", timestamp.toString());
        document.put("version", 1);
        document.put("tooling", "supplygraph");
        document.set("statements", list);
        return document.toPrettyString();
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
