package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a licence asks of whoever ships the software, declared from the least to the most restrictive: an {@code OR}
 * takes its least restrictive choice, an {@code AND} its most restrictive term. {@link #PROPRIETARY_OR_UNKNOWN}
 * counts as the most restrictive, since nothing is known to permit anything.
 */
public enum LicenceClass {
    PERMISSIVE,
    /** Copyleft that stops at the file or the library (LGPL, MPL, EPL, CDDL): linking is free. */
    WEAK_COPYLEFT,
    /** Copyleft over the whole work that is distributed (GPL). */
    STRONG_COPYLEFT,
    /** Copyleft that offering the software over a network triggers (AGPL, SSPL). */
    NETWORK_COPYLEFT,
    /** No licence, no assertion, a licence the SPDX list lacks, or one nobody vouches for. */
    PROPRIETARY_OR_UNKNOWN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean copyleft() {
        return this == WEAK_COPYLEFT || this == STRONG_COPYLEFT || this == NETWORK_COPYLEFT;
    }

    /** A class by its label, as the classification file writes it. */
    public static LicenceClass fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
