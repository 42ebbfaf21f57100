package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Version drift of one package across the portfolio.
 *
 * @param packagePurl the package (purl without version)
 * @param newest      the newest version in use anywhere, by the ecosystem's version order; null when none is
 * @param versions    every version in use, newest first
 * @param behind      applications whose newest version of the package is older than {@code newest}, sorted by
 *                    subject, then document digest
 */
public record DriftReport(@JsonProperty("package") String packagePurl, String newest, List<VersionUse> versions,
        List<Behind> behind) {

    /** One version and the applications (subjects, sorted) that contain it. */
    public record VersionUse(String version, int applications, List<String> subjects) {}

    /** An application behind the newest version, with the newest version it has. */
    public record Behind(String document, String subject, String version, String newest) {}
}
