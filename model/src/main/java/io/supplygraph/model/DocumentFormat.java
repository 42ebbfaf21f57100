package io.supplygraph.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every kind of document Supplygraph recognises, by content. The later kinds (attestations, VEX,
 * advisories) are recognised already so that they get a precise "not supported yet" answer
 * instead of "unknown format", and have their place when their parsers arrive.
 */
public enum DocumentFormat {
    SPDX_2_JSON("spdx-json", true),
    SPDX_2_TAG_VALUE("spdx-tag-value", true),
    SPDX_3_JSONLD("spdx3-jsonld", true),
    CYCLONEDX_JSON("cyclonedx-json", true),
    CYCLONEDX_XML("cyclonedx-xml", true),
    IN_TOTO_STATEMENT("in-toto", false),
    DSSE_ENVELOPE("dsse", false),
    SIGSTORE_BUNDLE("sigstore-bundle", false),
    OPENVEX("openvex", false),
    CSAF("csaf", false),
    OSV("osv", false),
    /** A CVE Program record, CVE JSON 5.x ({@code "dataType": "CVE_RECORD"}), as in the cvelistV5 repository. */
    CVE_RECORD("cve", false),
    SCORECARD("scorecard", false);

    private final String label;
    private final boolean sbom;

    DocumentFormat(String label, boolean sbom) {
        this.label = label;
        this.sbom = sbom;
    }

    /** The stable name used in output and in the store. */
    @JsonValue
    public String label() {
        return label;
    }

    public boolean isSbom() {
        return sbom;
    }

    /**
     * Advisory data: OSV records and CVE records, imported by the thousand, one document each; lists of what people
     * ingested leave them out.
     */
    public boolean isAdvisory() {
        return this == OSV || this == CVE_RECORD;
    }

    public static DocumentFormat fromLabel(String label) {
        for (DocumentFormat f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown document format: " + label);
    }
}
