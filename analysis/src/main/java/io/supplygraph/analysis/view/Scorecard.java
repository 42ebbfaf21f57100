package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One OpenSSF Scorecard result of a repository a package comes from. Sorted by repository, then newest result
 * first (undated last), then document digest.
 *
 * @param revision the commit that was scored, or null
 * @param date     the day it was scored, as the result states it
 * @param via      how the question reached the repository
 * @param document the Scorecard result's digest
 */
public record Scorecard(String repository, double score, String revision, String date, String scorecardVersion,
        Via via, List<Check> checks, String document) {

    /** One check; a scorecard lists them by name. */
    public record Check(String name, int score, String reason) {}

    /** How a package reaches its repository, or that the question named the repository itself. */
    public enum Via {
        /** The purl names it: {@code vcs_url}, {@code pkg:github/...}, a Go module on github.com. */
        PURL,
        /** An SBOM's VCS reference for one of the package's versions. */
        SBOM,
        /** The source of a provenance about one of the package's artifacts. */
        PROVENANCE,
        REPOSITORY;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
