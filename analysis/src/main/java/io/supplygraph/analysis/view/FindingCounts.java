package io.supplygraph.analysis.view;

import io.supplygraph.model.fact.AdvisoryFacts;
import java.util.List;

/**
 * Findings by severity, as {@code vulns} shows them; malicious packages apart, whatever their rating.
 *
 * @param unrated findings of advisories that rate nothing
 */
public record FindingCounts(long malicious, long critical, long high, long medium, long low, long none, long unrated) {

    public static FindingCounts of(List<Finding> findings) {
        long[] counts = new long[7];
        for (Finding f : findings) {
            int slot = f.kind() == AdvisoryFacts.Kind.MALICIOUS ? 0 : switch (f.severity()) {
                case CRITICAL -> 1;
                case HIGH -> 2;
                case MEDIUM -> 3;
                case LOW -> 4;
                case NONE -> 5;
                case UNRATED -> 6;
            };
            counts[slot]++;
        }
        return new FindingCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
    }
}
