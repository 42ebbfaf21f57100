package io.supplygraph.analysis.view;

import java.util.List;

/**
 * One thing a policy rule found, in one application. Sorted by rule (in the policy's order), then document subject,
 * digest, purl and finding id.
 *
 * @param document the digest of the SBOM the rule was evaluated on
 * @param subject  that document's subject as people read it
 * @param purl     the package the rule was evaluated for, or the document's subject for a rule about the document
 * @param finding  the vulnerability's id for a rule about findings, else null
 * @param aliases  the vulnerability's other ids (empty for other rules)
 * @param severity the finding's rating for a rule about findings, else null
 * @param waiver   the waiver that matches it, or null; an expired one is shown but does not waive
 */
public record Violation(String rule, PolicyAction action, String message, String document, String subject,
        String purl, String finding, List<String> aliases, Severity severity, Waiver waiver) {

    /** Whether it counts: not waived by a waiver in force. */
    public boolean standing() {
        return waiver == null || waiver.expired();
    }

    /**
     * A waiver of the policy file, as it applied.
     *
     * @param match   what it matches: a purl pattern, or a vulnerability id or alias (pattern)
     * @param expires its last day (ISO date)
     * @param expired whether that day has passed: it no longer waives
     */
    public record Waiver(String match, String reason, String expires, boolean expired) {}
}
