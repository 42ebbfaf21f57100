package io.supplygraph.ingest.sbom;

import io.supplygraph.model.Digest;
import io.supplygraph.model.fact.SbomMeasures;
import io.supplygraph.model.licence.LicenceExpressions;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts, as an SBOM's components go by, what its quality checks are scored from ({@link SbomMeasures}); the
 * checks themselves, and their weights, are the analysis module's. Counting at ingest is what lets
 * {@code documents} show every document's score without reading any SBOM again.
 */
final class QualityTally {

    private int components;
    private int named;
    private int versioned;
    private int supplied;
    private int identified;
    private int purls;
    private int validPurls;
    private int hashed;
    private int sha512;
    private int licensed;
    private int spdxLicences;
    private int located;
    private int danglingRefs;
    private String timestamp;
    private int authors;
    private int tools;
    /** A document repeats a few licence expressions thousands of times: each is parsed once. */
    private final Map<String, Boolean> expressions = new HashMap<>();

    void component(SbomComponent c, boolean purlValid) {
        components++;
        named += c.name().isBlank() ? 0 : 1;
        versioned += stated(c.version()) ? 1 : 0;
        supplied += stated(c.supplier()) ? 1 : 0;
        boolean purl = stated(c.purl());
        purls += purl ? 1 : 0;
        validPurls += purl && purlValid ? 1 : 0;
        identified += purl && purlValid || stated(c.cpe()) ? 1 : 0;
        hashed += c.digests().isEmpty() ? 0 : 1;
        sha512 += c.digests().stream().map(Digest::algorithm).anyMatch("sha512"::equalsIgnoreCase) ? 1 : 0;
        String licence = stated(c.concludedLicence()) ? c.concludedLicence() : c.declaredLicence();
        if (stated(licence)) {
            licensed++;
            spdxLicences += expressions.computeIfAbsent(licence, l -> !LicenceExpressions.parse(l).malformed())
                    ? 1 : 0;
        }
        located += stated(c.vcsUrl()) ? 1 : 0;
    }

    void danglingRef() {
        danglingRefs++;
    }

    void tool(String name) {
        tools += name == null || name.isBlank() ? 0 : 1;
    }

    void author(String name) {
        authors += name == null || name.isBlank() ? 0 : 1;
    }

    void timestamp(String written) {
        timestamp = written;
    }

    SbomMeasures measures(int unreached) {
        return new SbomMeasures(components, named, versioned, supplied, identified, purls, validPurls, hashed,
                sha512, licensed, spdxLicences, located, unreached, danglingRefs, true, timestamp, authors,
                tools);
    }

    /** Present, and not SPDX's "I do not know". */
    private static boolean stated(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("NOASSERTION");
    }
}
