package io.supplygraph.ingest.vex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reading the JSON trees every VEX format is read into: text fields, lists of text, and timestamps. */
final class VexJson {

    private VexJson() {}

    /** The field as text when it is a non-blank scalar, else null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** The array at {@code field}, or an empty one when it is absent or not an array. */
    static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    /** The non-blank strings of the array at {@code field}. */
    static List<String> texts(JsonNode node, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode entry : array(node, field)) {
            if (entry.isValueNode() && !entry.asText().isBlank()) {
                texts.add(entry.asText().strip());
            }
        }
        return texts;
    }

    /**
     * An RFC 3339 / ISO 8601 timestamp: with an offset as written, without one taken as UTC, a date alone as its
     * start in UTC. Anything else is warned about and gives null, so the statement counts as the oldest.
     */
    static Instant timestamp(String text, String what, Consumer<String> warnings) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    warnings.accept(what + ": '" + text + "' is not a timestamp; ignored");
                    return null;
                }
            }
        }
    }

    /** The first non-null of the values. */
    static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
