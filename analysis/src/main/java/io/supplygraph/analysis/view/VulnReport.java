package io.supplygraph.analysis.view;

import io.supplygraph.model.fact.AdvisoryFacts;
import java.util.List;

/**
 * One vulnerability, by any of its ids: its advisories (sorted by id), the package versions it affects (sorted as
 * {@link Finding}s are), and the applications those reach (sorted as {@link Application}s are).
 *
 * @param id the id as it was asked for
 */
public record VulnReport(String id, List<Advisory> advisories, List<Finding> findings,
        List<Application> applications) {

    /**
     * An advisory as OSV published it.
     *
     * @param severitySource the CVSS vector the score comes from, or where the rating was read
     * @param modified       RFC 3339, as the record states it; so are {@code published} and {@code withdrawn}
     * @param withdrawn      when set, the advisory was retracted and gives no findings
     */
    public record Advisory(String id, List<String> aliases, AdvisoryFacts.Kind kind, Severity severity, Double score,
            String severitySource, String summary, String published, String modified, String withdrawn) {}
}
