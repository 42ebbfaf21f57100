package io.supplygraph.analysis.view;

import io.supplygraph.analysis.provenance.SlsaLevel;
import java.util.List;

/**
 * A portfolio at a glance: what the graph holds, what is wrong with it and where, how much of it has provenance,
 * and what came in last. The findings are those {@code vulns --all} lists, counted the same way.
 *
 * @param findings   how many vulnerability findings each (rating, status) pair has, most severe first.
 *                   Malicious packages are not counted here but listed in {@code malicious}
 * @param malicious  every malicious package present, with how many applications contain it
 * @param exposed    the package versions with open findings that the most applications contain, most first (an
 *                   application whose VEX says it is not affected does not count)
 * @param recent     the documents ingested last, advisories apart, newest first
 * @param rejections the documents uploads rejected last, newest first
 */
public record Overview(Counts counts, List<FindingCount> findings, List<Exposure> malicious, List<Exposure> exposed,
        ProvenanceCoverage provenance, List<Document> recent, List<Rejection> rejections) {

    /**
     * @param applications       applications (subjects without their versions, or names given at ingest)
     * @param releases           their releases: regenerated SBOMs of one release count once
     * @param advisoriesModified the newest advisory's {@code modified} date: how current the advisories are
     */
    public record Counts(long applications, long releases, long documents, long packages, long advisories,
            String advisoriesModified) {}

    public record FindingCount(Severity severity, FindingStatus status, long findings) {}

    /**
     * A package version and what is wrong with it.
     *
     * @param id           its most severe vulnerability (or the malicious-package advisory)
     * @param findings     how many vulnerabilities affect it
     * @param applications how many applications contain it, nested SBOMs included
     */
    public record Exposure(String purl, String id, Severity severity, int findings, int applications) {}

    /**
     * @param withProvenance applications with a provenance document for their subject or one of its artifacts
     * @param verified       of those, applications with a provenance whose signature was verified
     * @param levels         applications per best SLSA Build level earned
     */
    public record ProvenanceCoverage(long applications, long withProvenance, long verified,
            List<LevelCount> levels) {}

    public record LevelCount(SlsaLevel level, long applications) {}

    /** @param job the upload job that rejected it */
    public record Rejection(String source, String reason, String finished, String job) {}
}
