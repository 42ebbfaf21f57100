package io.supplygraph.ingest.spdx;

import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.model.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one SPDX 2 package as the JSON and tag-value readers find them, in whatever order the
 * document writes them; {@link #toComponent} applies the SPDX conventions once for both syntaxes.
 */
final class Spdx2Package {

    String spdxId;
    String name;
    String version;
    String supplier;
    String downloadLocation;
    String licenseDeclared;
    String licenseConcluded;
    String purpose;
    private String purl;
    private String cpe23;
    private String cpe22;
    private final List<Digest> digests = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void checksum(String algorithm, String value) {
        Digest digest = SpdxValues.digestOrNull(algorithm, value);
        if (digest == null) {
            problems.add("malformed checksum " + algorithm + ": " + value + " (skipped)");
        } else {
            digests.add(digest);
        }
    }

    /** An external reference; the first purl and the first CPE count, the rest are alternatives. */
    void externalRef(String type, String locator) {
        String value = SpdxValues.asserted(locator);
        if (type == null || value == null) {
            return;
        }
        switch (type) {
            case "purl" -> purl = purl == null ? value : purl;
            case "cpe23Type" -> cpe23 = cpe23 == null ? value : cpe23;
            case "cpe22Type" -> cpe22 = cpe22 == null ? value : cpe22;
            default -> { }
        }
    }

    /** What was wrong with single fields, for the caller to report once it can name the package. */
    List<String> problems() {
        return problems;
    }

    /** {@code syntheticRef} stands in for a missing SPDXID, so that the component can still be referenced. */
    SbomComponent toComponent(String syntheticRef) {
        return new SbomComponent(
                hasId() ? spdxId : syntheticRef,
                name == null ? "" : name.strip(),
                SpdxValues.asserted(version),
                purl,
                SpdxValues.purpose(purpose),
                digests,
                SpdxValues.asserted(licenseDeclared),
                SpdxValues.asserted(licenseConcluded),
                SpdxValues.agentName(supplier),
                // a CPE 2.2 URI is kept as written when no 2.3 name is given: still a usable key
                cpe23 != null ? cpe23 : cpe22,
                SpdxValues.vcsUrl(downloadLocation));
    }

    boolean hasId() {
        return spdxId != null && !spdxId.isBlank();
    }
}
