package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How severe a vulnerability is rated, on the CVSS qualitative scale; declared from the least to the most severe. */
public enum Severity {
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }

    /** A stored rating, or null where the advisory rates nothing. */
    public static Severity fromLabel(String label) {
        return label == null ? null : valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** A rating a user typed, in any case; an unknown one is a usage error that names the accepted values. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'; one of "
                + Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", ")));
    }
}
