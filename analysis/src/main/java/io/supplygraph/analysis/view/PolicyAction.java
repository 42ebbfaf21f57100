package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a violated policy rule does to {@code check}: {@code fail} makes it exit 1, {@code warn} only reports. */
public enum PolicyAction {
    FAIL,
    WARN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
