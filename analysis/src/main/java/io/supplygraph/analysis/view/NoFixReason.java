package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a vulnerability has no fixing version, said plainly. */
public enum NoFixReason {
    /** Its ranges are open: no version that fixes it has been released. */
    NO_FIX_RELEASED,
    /** Its ranges end at a {@code last_affected} version, and no later version is known to the graph. */
    NO_LATER_VERSION_KNOWN,
    /** Only commit ranges bound it: no version string can be decided against them. */
    COMMIT_ONLY_RANGES,
    /** Versions that fix it exist only in another major line than the target's: see {@code target_any_major}. */
    FIXED_IN_ANOTHER_MAJOR,
    /** Every version that fixes it is still affected by another of the package's advisories. */
    EVERY_FIX_STILL_AFFECTED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
