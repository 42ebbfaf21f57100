package io.supplygraph.analysis.versions;

import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.Version;
import io.supplygraph.model.version.VersionScheme;
import io.supplygraph.model.version.VersionSchemes;
import java.util.Comparator;

/** Version strings in their ecosystem's order, for questions such as "which is the newest". */
public final class VersionOrder {

    private VersionOrder() {}

    /**
     * Ascending, in the order of the purl type's ecosystem (a generic one for types without their own). A version
     * its ecosystem cannot parse sorts below every valid one (it cannot be the newest), and among the invalid ones
     * by text, so the order stays total; a missing version sorts first.
     */
    public static Comparator<String> forPurlType(String type) {
        VersionScheme scheme = VersionSchemes.forPurlType(type).orElse(VersionSchemes.GENERIC);
        Comparator<String> valid = Comparator.comparing((String v) -> parsed(scheme, v),
                Comparator.nullsFirst(Comparator.<Version>naturalOrder())).thenComparing(Comparator.naturalOrder());
        return Comparator.nullsFirst(valid);
    }

    /** Whether the purl type's ecosystem has a version order of its own (not the generic one). */
    public static boolean known(String type) {
        return VersionSchemes.forPurlType(type).isPresent();
    }

    /** Whether the purl type's ecosystem reads this version; a missing version is not read. */
    public static boolean parses(String type, String version) {
        return version != null
                && parsed(VersionSchemes.forPurlType(type).orElse(VersionSchemes.GENERIC), version) != null;
    }

    private static Version parsed(VersionScheme scheme, String version) {
        try {
            return scheme.parse(version);
        } catch (InvalidVersionException e) {
            return null;
        }
    }
}
