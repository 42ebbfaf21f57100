package io.supplygraph.ingest.sbom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the producer of a document the same way whatever the format wrote: syft 0.85 and syft 1.4 are one
 * producer, so a regenerated SBOM replaces the one an older release of the same tool wrote.
 */
public final class Producers {

    /**
     * A version after a name: {@code syft-0.85.0}, {@code trivy 0.45.1}, {@code cdxgen v10.2}, {@code syft-1.0.0-rc.1}.
     * A suffix after the version must hold a digit, so that {@code python-3.11-scanner} stays a name.
     */
    private static final Pattern VERSION_SUFFIX =
            Pattern.compile("^(.+?)[-_ @]v?\\d+(\\.\\d+)*([-+][0-9A-Za-z.]*\\d[0-9A-Za-z.]*)?$");

    private Producers() {}

    /** The tool's name without a trailing version; null for a blank name. */
    public static String toolName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Matcher m = VERSION_SUFFIX.matcher(name.strip());
        return m.matches() ? m.group(1).strip() : name.strip();
    }

    /**
     * Reports one SPDX {@code creator} ({@code Tool: syft-0.85.0}, {@code Organization: Anchore, Inc},
     * {@code Person: Jane Doe (jane@example.com)}) to the sink as a tool or an author.
     */
    public static void spdxCreator(String creator, SbomSink sink) {
        if (creator == null) {
            return;
        }
        int colon = creator.indexOf(':');
        if (colon < 0) {
            return;
        }
        String kind = creator.substring(0, colon).strip();
        String who = creator.substring(colon + 1).strip();
        int email = who.indexOf(" (");
        if (email > 0 && who.endsWith(")")) {
            who = who.substring(0, email);
        }
        if (kind.equalsIgnoreCase("Tool")) {
            sink.tool(who);
        } else if (kind.equalsIgnoreCase("Organization") || kind.equalsIgnoreCase("Person")) {
            sink.author(who);
        }
    }
}
