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
     * A release of an application containing the package, as a blast radius row has it ({@link
     * io.supplygraph.analysis.view.Application}) but without the version: the malicious version is the purl's own.
     */
    public record Application(String document, String subject, List<String> path, String application,
            String release, List<String> documents) {}
}
