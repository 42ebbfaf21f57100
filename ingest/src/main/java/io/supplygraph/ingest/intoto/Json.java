package io.supplygraph.ingest.intoto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading optional values out of a predicate's tree, where any field may be missing, null or of another type. */
final class Json {

    private Json() {}

    /** The text at {@code path} below {@code node} when it is a scalar; null when absent, null or a structure. */
    static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n == null || !n.isValueNode() || n.isNull() ? null : n.asText();
    }

    /**
     * The objects of an array that may be missing or null (no entries); a value that is no array, or an entry
     * that is no object, is skipped with a warning naming {@code what}.
     */
    static List<JsonNode> objects(JsonNode array, String what, List<String> warnings) {
        List<JsonNode> objects = new ArrayList<>();
        if (array == null || array.isNull()) {
            return objects;
        }
        if (!array.isArray()) {
            warnings.add(what + " is not an array (skipped)");
            return objects;
        }
        for (JsonNode entry : array) {
            if (entry.isObject()) {
                objects.add(entry);
            } else {
                warnings.add("an entry of " + what + " is not an object (skipped)");
            }
        }
        return objects;
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
