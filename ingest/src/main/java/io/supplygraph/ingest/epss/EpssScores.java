package io.supplygraph.ingest.epss;

import java.util.List;

/**
 * One day of FIRST's EPSS scores, as its daily CSV gives them.
 *
 * @param modelVersion the {@code model_version} of the file's comment line ({@code v2023.03.01}), or null
 * @param scoreDate    the {@code score_date} of the comment line (the day the scores are for), or null
 */
public record EpssScores(String modelVersion, String scoreDate, List<Score> scores) {

    /** The probability of exploitation in the next 30 days (0 to 1), and its percentile among all CVEs (0 to 1). */
    public record Score(String cveId, double probability, double percentile) {}
}
