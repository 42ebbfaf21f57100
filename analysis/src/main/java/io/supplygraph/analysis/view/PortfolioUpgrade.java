package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One upgrade across the portfolio ({@code fix --portfolio}): a package version moved to its target in every
 * application that has it. Ranked by {@code risk}: the risk the upgrade removes in one application times the
 * applications it removes it from. Packages to remove come first; ties go by package and current version.
 * The fields are those of {@link Upgrade}, except the path, which differs per application.
 *
 * @param direct       true when at least one application declares it directly
 * @param applications how many applications (distinct document subjects, nested SBOMs included) contain it
 * @param risk         {@code applications} times the summed {@code RiskScore} of the removed vulnerabilities
 */
public record PortfolioUpgrade(@JsonProperty("package") String packagePurl, String current, String target,
        String targetAnyMajor, FixAction action, boolean direct, List<Upgrade.Removed> removes, List<String> remaining,
        List<Upgrade.Unfixed> noFix, int kev, Double epss, int applications, double risk) {}
