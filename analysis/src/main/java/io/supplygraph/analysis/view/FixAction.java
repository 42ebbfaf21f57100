package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What to do about a vulnerable package version. */
public enum FixAction {
    /** A malicious package: take it out, no version of it is safe to keep. */
    REMOVE,
    /** Move to the target version. */
    UPGRADE,
    /** No version is known that removes any of its findings: see {@link NoFixReason}. */
    NONE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
