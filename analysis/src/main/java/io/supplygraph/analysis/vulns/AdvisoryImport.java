package io.supplygraph.analysis.vulns;

import io.supplygraph.ingest.IngestSummary;
import java.util.Set;

/**
 * What importing advisories did: the import's own counts, and how the findings changed, which is what a user
 * syncing advisories wants to know (new exposure, or exposure gone with a withdrawn or corrected record).
 *
 * @param findingsAdded     findings of an advisory in force that were not there before
 * @param findingsRetracted findings there before that no advisory in force makes any more
 */
public record AdvisoryImport(IngestSummary summary, int findingsAdded, int findingsRetracted) {

    /** The change between two {@code FindingSql.inForce()} snapshots, taken before and after. */
    public static AdvisoryImport of(IngestSummary summary, Set<String> before, Set<String> after) {
        int added = (int) after.stream().filter(k -> !before.contains(k)).count();
        int retracted = (int) before.stream().filter(k -> !after.contains(k)).count();
        return new AdvisoryImport(summary, added, retracted);
    }
}
