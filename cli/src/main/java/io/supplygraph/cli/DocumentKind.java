package io.supplygraph.cli;

import io.supplygraph.model.DocumentFormat;

/**
 * What {@code documents --kind} lists. Advisories are kept apart: an OSV import brings thousands, one document per
 * record, and they would bury the SBOMs and attestations a person lists documents to see.
 */
enum DocumentKind {
    SBOM, ATTESTATION, VEX, SCORECARD, ADVISORY, ALL;

    static DocumentKind of(DocumentFormat format) {
        return switch (format) {
            case SPDX_2_JSON, SPDX_2_TAG_VALUE, SPDX_3_JSONLD, CYCLONEDX_JSON, CYCLONEDX_XML -> SBOM;
            case IN_TOTO_STATEMENT, DSSE_ENVELOPE, SIGSTORE_BUNDLE -> ATTESTATION;
            case OPENVEX, CSAF -> VEX;
            case SCORECARD -> SCORECARD;
            case OSV, CVE_RECORD -> ADVISORY;
        };
    }

    /** Whether a document of this format is listed when this kind is asked for; null asks for all but advisories. */
    static boolean listed(DocumentKind asked, DocumentFormat format) {
        DocumentKind kind = of(format);
        return asked == null ? kind != ADVISORY : asked == ALL || asked == kind;
    }
}
