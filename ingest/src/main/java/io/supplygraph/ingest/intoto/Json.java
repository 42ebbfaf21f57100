package io.supplygraph.ingest.intoto;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading optional values out of a predicate's tree, where any field may be missing, null or of another type. */
final class Json {

    private Json() {}

    /** The text at {@code path} below {@code node} when it is a scalar; null when absent, null or a structure. */
    static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n == null || !n.isValueNode() || n.isNull() ? null : n.asText();
    }

    /** The node at {@code path}, or null when any step is missing. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String step : path) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(step);
        }
        return n == null || n.isMissingNode() ? null : n;
    }
}
