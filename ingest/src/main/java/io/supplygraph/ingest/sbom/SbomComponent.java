package io.supplygraph.ingest.sbom;

import io.supplygraph.model.Digest;
import java.util.List;

/**
 * One component (package) as an SBOM lists it, before identity is resolved: the purl is kept exactly
 * as written, since whether it is valid is the assembler's question, not the parser's.
 *
 * @param ref              the document-local id (CycloneDX bom-ref, SPDX SPDXID); parsers make one up
 *                         when the document gives none, so that every component can be referenced
 * @param name             never null; empty when the document gives no name
 * @param version          null when absent
 * @param purl             as written, null when absent
 * @param type             the document's own component type or purpose (library, container, ...), or null
 * @param digests          hashes / checksums of the component's artifact
 * @param declaredLicence  an SPDX licence expression as written, or null
 * @param concludedLicence an SPDX licence expression as written, or null
 * @param supplier         supplier or publisher, or null
 * @param cpe              a CPE 2.3 name, or null
 * @param vcsUrl           a source repository URL from the document's external references, or null
 */
public record SbomComponent(
        String ref,
        String name,
        String version,
        String purl,
        String type,
        List<Digest> digests,
        String declaredLicence,
        String concludedLicence,
        String supplier,
        String cpe,
        String vcsUrl) {

    public SbomComponent {
        if (ref == null || ref.isEmpty()) {
            throw new IllegalArgumentException("a component needs a document-local ref");
        }
        name = name == null ? "" : name;
        digests = digests == null ? List.of() : List.copyOf(digests);
    }
}
