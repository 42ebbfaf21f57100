package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How severe a vulnerability is rated, on the CVSS qualitative scale; declared from the least to the most severe.
 * {@link #UNRATED} is no rating at all (no advisory, related advisory or CVE record rates it): it orders below every
 * rating, {@code none} included, and is shown as such, so that a vulnerability nobody rated never passes for a low
 * one nor is left out of a list as if it were.
 */
public enum Severity {
    UNRATED,
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unrated is at least nothing but itself: {@code --severity none} asks for every rated finding. */
    public boolean atLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }

    /** A stored rating; {@link #UNRATED} where the advisory rates nothing. */
    public static Severity fromLabel(String label) {
        return label == null ? UNRATED : valueOf(label.toUpperCase(Locale.ROOT));
    }

    /**
     * A rating a user typed as a minimum, in any case; an unknown one is a usage error that names the accepted
     * values. {@link #UNRATED} is not one: as a minimum it would ask for everything, which no option does.
     */
    public static Severity parse(String text) {
        for (Severity s : ratings()) {
            if (s.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'; one of "
                + Arrays.stream(ratings()).map(Severity::label).collect(Collectors.joining(", ")));
    }

    private static Severity[] ratings() {
        return Arrays.stream(values()).filter(s -> s != UNRATED).toArray(Severity[]::new);
    }
}
