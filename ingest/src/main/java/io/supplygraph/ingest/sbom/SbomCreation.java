package io.supplygraph.ingest.sbom;

import java.util.List;

/**
 * Who made an SBOM and when, as the document says (CycloneDX {@code metadata}, SPDX {@code creationInfo}): what
 * the quality checks of NTIA's "author of SBOM data" and "timestamp" and BSI's "creator of the SBOM" read.
 *
 * @param timestamp as written, or null
 * @param authors   people and organisations (CycloneDX authors, manufacturer, supplier; SPDX Person and
 *                  Organization creators)
 * @param tools     tools that wrote it (CycloneDX tools, SPDX Tool creators)
 */
public record SbomCreation(String timestamp, List<String> authors, List<String> tools) {

    public SbomCreation {
        authors = List.copyOf(authors);
        tools = List.copyOf(tools);
    }

    /**
     * SPDX 2 creators, each {@code Tool: name}, {@code Organization: name} or {@code Person: name}: a tool, or an
     * author.
     */
    public static SbomCreation ofSpdxCreators(String timestamp, List<String> creators) {
        List<String> authors = new java.util.ArrayList<>();
        List<String> tools = new java.util.ArrayList<>();
        for (String creator : creators) {
            String c = creator.strip();
            if (c.regionMatches(true, 0, "Tool:", 0, 5)) {
                tools.add(c.substring(5).strip());
            } else if (!c.isEmpty()) {
                authors.add(c.contains(":") ? c.substring(c.indexOf(':') + 1).strip() : c);
            }
        }
        return new SbomCreation(timestamp, authors, tools);
    }
}
