package io.supplygraph.analysis.view;

import java.util.List;

/**
 * A malicious package version present in the graph, and the applications containing it. Sorted as {@code vulns}
 * sorts {@link Finding}s: by score, severity, then purl and id.
 *
 * @param id the {@code MAL-} record's id
 */
public record Malicious(String purl, String id, List<String> aliases, List<Application> applications) {

    /**
     * An application containing the package. Unlike a blast radius row it has no version: the malicious version is
     * the purl's own.
     */
    public record Application(String document, String subject, List<String> path) {}
}
