package io.supplygraph.analysis.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of the views, shared by the CLI and the REST server so that both print the same names,
 * order and values. Configured once here; callers get a copy of the mapper, so that a framework's own settings
 * never leak back into the CLI's output.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {}

    /** A copy of the configured mapper, for a server framework to serialise views with. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Indented, as the CLI prints it. */
    public static String pretty(Object view) {
        try {
            return PRETTY.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On one line, as an answer a script reads line by line. */
    public static String compact(Object view) {
        try {
            return MAPPER.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The view as the JSON tree it serialises to: the fields a table picks its columns from. */
    public static JsonNode tree(Object view) {
        return MAPPER.valueToTree(view);
    }
}
