package io.supplygraph.ingest.sbom;

import io.supplygraph.model.fact.VexFacts.Status;
import java.time.Instant;
import java.util.List;

/**
 * A VEX statement an SBOM carries (CycloneDX {@code vulnerabilities[].analysis}), before its target is resolved:
 * the target is named as the document names it, and only the assembler knows what that ref is.
 *
 * @param vulnerability   the vulnerability id
 * @param aliases         other ids of the same vulnerability
 * @param ref             a bom-ref of this document, a BOM-link ({@code urn:cdx:serial/version#ref}) or a purl
 * @param version         a version of the target the statement is limited to, or null for the target as named
 * @param status          the status
 * @param justification   as written, or null
 * @param impactStatement free text, or null
 * @param actionStatement free text, or null
 * @param timestamp       when the analysis was made, or null
 */
public record SbomVexStatement(
        String vulnerability,
        List<String> aliases,
        String ref,
        String version,
        Status status,
        String justification,
        String impactStatement,
        String actionStatement,
        Instant timestamp) {

    public SbomVexStatement {
        aliases = List.copyOf(aliases);
    }
}
