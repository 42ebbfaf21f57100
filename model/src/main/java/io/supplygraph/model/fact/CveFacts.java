package io.supplygraph.model.fact;

import java.util.List;

/**
 * What one CVE record (CVE JSON 5.x) asserts that the graph uses: how severe the vulnerability is, as its CNA or
 * CISA's ADP container rates it with CVSS. Findings whose advisories rate nothing take it through their CVE alias.
 *
 * @param specVersion the record's {@code dataVersion} ({@code 5.0}, {@code 5.1}, ...)
 * @param cveId       {@code CVE-YYYY-NNNN}
 * @param state       {@code PUBLISHED} or {@code REJECTED}; a rejected record rates nothing
 * @param dateUpdated when the record last changed: a newer record replaces an older one of the same id
 * @param severity    the chosen CVSS metric, or null when the record has none
 * @param provider    whose metric it is: {@code cna}, or {@code adp:} and the ADP's short name ({@code adp:CISA-ADP})
 */
public record CveFacts(String specVersion, String cveId, String state, String dateUpdated,
        AdvisoryFacts.Severity severity, String provider, List<String> warnings) implements Facts {

    public CveFacts {
        warnings = List.copyOf(warnings);
    }

    @Override
    public String name() {
        return cveId;
    }

    @Override
    public int componentCount() {
        return 0;
    }
}
