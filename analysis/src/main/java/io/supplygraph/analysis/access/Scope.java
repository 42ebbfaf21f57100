package io.supplygraph.analysis.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a token may do. Writing implies reading. */
public enum Scope {
    READ,
    WRITE;

    public boolean allows(Scope needed) {
        return this == WRITE || needed == READ;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope of(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(label.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope " + label + "; one of read, write"));
    }
}
