package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import io.supplygraph.model.fact.VexFacts;
import java.util.Locale;

/**
 * Whether a package version is affected by a vulnerability: what matching decided ({@code affected}, or
 * {@code unknown} when the advisory's ranges cannot decide), unless a VEX statement decided otherwise.
 */
public enum FindingStatus {
    AFFECTED,
    NOT_AFFECTED,
    FIXED,
    UNDER_INVESTIGATION,
    UNKNOWN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a VEX statement gives: its four statuses are four of ours, by name. */
    public static FindingStatus of(VexFacts.Status status) {
        return valueOf(status.name());
    }

    /** A status matching stored: {@code affected} or {@code unknown}. */
    public static FindingStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** Shown only when asked for everything: the vendor says not affected, or the ranges cannot say. */
    public boolean hiddenByDefault() {
        return this == NOT_AFFECTED || this == UNKNOWN;
    }

    /** Its package versions still count in a blast radius. */
    public boolean stillExposed() {
        return this == AFFECTED || this == UNDER_INVESTIGATION;
    }
}
