package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One row of an application's upgrade plan ({@code fix --app}): a vulnerable package version, the version to move
 * to, and what that removes. Sorted: packages to remove first, then by {@code risk}, highest first, then package and
 * current version.
 *
 * @param packagePurl    the package: its purl without version
 * @param current        the version the application has
 * @param target         the lowest version that removes the most, in the current major line when one does (in the
 *                       current minor line for 0.x SemVer); null when no version removes anything
 * @param targetAnyMajor the lowest version that no advisory of the package affects, of any major; null when none is
 *                       known
 * @param direct         true when the application declares it directly
 * @param via            purls from the application down to the package (a shortest path); its second item is the
 *                       direct dependency that brings it in, which can be upgraded instead of overriding the package
 * @param removes        the vulnerabilities that moving to {@code target} removes (for {@code remove}: all of them)
 * @param remaining      ids of the vulnerabilities that still affect {@code target}, sorted
 * @param noFix          for each vulnerability of the current version that {@code target} does not remove, why
 * @param kev            how many of the removed vulnerabilities are in CISA's KEV catalog
 * @param epss           the highest EPSS probability among the removed vulnerabilities, or null
 * @param risk           the summed {@code RiskScore} of the removed vulnerabilities
 */
public record Upgrade(@JsonProperty("package") String packagePurl, String current, String target,
        String targetAnyMajor, FixAction action, boolean direct, List<String> via, List<Removed> removes,
        List<String> remaining, List<Unfixed> noFix, int kev, Double epss, double risk) {

    /** A vulnerability an upgrade removes, with what makes it urgent. */
    public record Removed(String id, List<String> aliases, Severity severity, Double score, Kev kev, Epss epss) {}

    /** A vulnerability of the current version that the target leaves, and why no version removes it. */
    public record Unfixed(String id, NoFixReason reason) {}
}
