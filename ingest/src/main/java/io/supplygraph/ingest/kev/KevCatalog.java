package io.supplygraph.ingest.kev;

import java.util.List;

/**
 * CISA's Known Exploited Vulnerabilities catalog as published
 * ({@code known_exploited_vulnerabilities.json}): its version and one entry per CVE.
 */
public record KevCatalog(String catalogVersion, String dateReleased, List<Entry> entries) {

    /**
     * One catalog entry: the fields "fix first" shows.
     *
     * @param knownRansomwareCampaignUse {@code Known} or {@code Unknown}, as the catalog spells it
     */
    public record Entry(String cveId, String vendorProject, String product, String vulnerabilityName,
            String dateAdded, String dueDate, String knownRansomwareCampaignUse) {}
}
