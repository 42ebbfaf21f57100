package io.supplygraph.analysis.remediation.manifest;

import java.util.List;

/**
 * A manifest after the plan: its new text (the old one, byte for byte, where nothing applied), the bumps it carries
 * and those it refused.
 */
public record Patched(String before, String after, List<Bump> applied, List<ManifestRefusal> refused) {

    public boolean changed() {
        return !before.equals(after);
    }
}
