package io.supplygraph.ingest.cvss;

/**
 * The qualitative ratings of CVSS base scores: NVD's scale for CVSS v2, which has no critical, and FIRST's for v3.x
 * and v4.0. Shared by OSV records, which carry vectors, and CVE records, which carry scores.
 */
public final class CvssScale {

    private CvssScale() {}

    /** NVD's CVSS v2 scale: high from 7.0. */
    public static String v2Rating(double score) {
        return score >= 7.0 ? "high" : score >= 4.0 ? "medium" : "low";
    }

    /** The qualitative scale of CVSS v3.x and v4.0 (FIRST's specification, section 5 / table 23). */
    public static String v3Rating(double score) {
        if (score == 0.0) {
            return "none";
        }
        return score >= 9.0 ? "critical" : score >= 7.0 ? "high" : score >= 4.0 ? "medium" : "low";
    }
}
