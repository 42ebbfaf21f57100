package io.supplygraph.analysis.vex;

import io.supplygraph.model.fact.VexFacts.Status;
import java.time.Instant;

/**
 * The VEX statement in force for one finding (a vulnerability in a package version), as {@link VexVerdicts} chose it.
 *
 * @param status          not_affected, affected, fixed or under_investigation
 * @param justification   why not affected, as the document wrote it, or null
 * @param impactStatement free text, or null
 * @param actionStatement free text, or null
 * @param timestamp       when the statement was made, or null when its document did not say
 * @param documentDigest  the document that made the statement
 * @param vulnerability   the id the statement used (may be an alias of the finding's id)
 * @param packagePurl     the package version the statement named (no version: every version)
 * @param product         the product it was scoped to (a purl, or a name or CPE), or null
 */
public record VexVerdict(Status status, String justification, String impactStatement, String actionStatement,
        Instant timestamp, String documentDigest, String vulnerability, String packagePurl, String product) {

    /** True when the finding should be hidden unless the user asks for everything: the vendor says not affected. */
    public boolean notAffected() {
        return status == Status.NOT_AFFECTED;
    }
}
