package io.supplygraph.cli.output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered rows for the OSV import and sync summaries, the one output that has no view yet: that path is being
 * rewritten, and its summary gets a view with it. The order given is the order of JSON fields.
 */
public final class Rows {

    private Rows() {}

    /** A row from alternating names and values. */
    public static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
