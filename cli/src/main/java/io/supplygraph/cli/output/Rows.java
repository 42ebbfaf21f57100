package io.supplygraph.cli.output;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered rows for {@link Output}: the order given is the order of JSON fields. */
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
