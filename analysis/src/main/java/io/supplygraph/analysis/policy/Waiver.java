package io.supplygraph.analysis.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * Leave to break one rule for some packages or vulnerabilities, until a date.
 *
 * @param expires its last day: from the day after on it no longer waives, and {@code check} says so
 * @param line    its line in the policy file
 */
public record Waiver(String rule, MatchPattern match, String reason, LocalDate expires, int line) {

    /** Whether it names this violation: its rule, and its package or one of its vulnerability's ids. */
    public boolean covers(String ruleName, String purl, List<String> ids) {
        return rule.equals(ruleName) && (match.matchesPurl(purl) || ids.stream().anyMatch(match::matchesId));
    }

    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }
}
