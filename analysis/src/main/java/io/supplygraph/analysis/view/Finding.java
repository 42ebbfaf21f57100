package io.supplygraph.analysis.view;

import io.supplygraph.model.fact.AdvisoryFacts;
import java.util.List;

/**
 * One vulnerability of one package version. Sorted malicious first, then by score (highest first, unscored last),
 * severity (most severe first), purl, and id; a package version has one finding per vulnerability, so purl and id
 * are unique.
 *
 * @param id            the vulnerability's id: the first, in order, of the advisory ids that name it
 * @param aliases       every other id of it (advisory ids and their aliases), sorted
 * @param severity      the rating of the highest-scored advisory, or the highest rating; when none of its own
 *                      advisories rates it, that of another stored advisory sharing an id or alias, else of its CVE
 *                      record; {@code unrated} when nothing rates it
 * @param score         the CVSS base score that rating comes with, or null
 * @param fixed         versions that fix it, per the entries that matched, sorted
 * @param range         the range or version list that decided
 * @param documents     the documents that contain the package version, nested SBOMs included; sorted by subject,
 *                      then digest
 * @param justification why not affected, when a VEX statement decided the status
 * @param vexDocument   the digest of the VEX document whose statement decided the status, or null
 * @param version       the version the advisory's ranges were evaluated with: the purl's, with an RPM's epoch
 *                      ({@code epoch} qualifier) written in front as {@code epoch:version}, Go's without its {@code v}
 * @param notAffectedIn the documents whose application a VEX statement says is not affected; a statement scoped
 *                      to one application leaves the others as matching found them
 * @param affectedIn    the documents that stay exposed (neither not_affected nor fixed); {@code status} is the least
 *                      reassuring of the applications', so it is not_affected only when this is empty
 * @param severitySource where the severity came from: the id of the advisory that rates it (its own or a related
 *                      one), or {@code cve} for a CVE record; null when unrated
 * @param kev           its entry in CISA's Known Exploited Vulnerabilities catalog, through any of its ids, or null
 * @param epss          its EPSS score, through any of its ids (the highest when several are scored), or null
 */
public record Finding(String purl, String id, List<String> aliases, Severity severity, Double score,
        List<String> fixed, FindingStatus status, AdvisoryFacts.Kind kind, String range, List<Container> documents,
        String justification, String vexDocument, String version, List<Container> notAffectedIn,
        List<Container> affectedIn, String severitySource, Kev kev, Epss epss) {

    /** A finding before exploit data was joined to it. */
    public Finding(String purl, String id, List<String> aliases, Severity severity, Double score, List<String> fixed,
            FindingStatus status, AdvisoryFacts.Kind kind, String range, List<Container> documents,
            String justification, String vexDocument, String version, List<Container> notAffectedIn,
            List<Container> affectedIn, String severitySource) {
        this(purl, id, aliases, severity, score, fixed, status, kind, range, documents, justification, vexDocument,
                version, notAffectedIn, affectedIn, severitySource, null, null);
    }

    /** The same finding with its exploit data. */
    public Finding withExploits(Kev kev, Epss epss) {
        return new Finding(purl, id, aliases, severity, score, fixed, status, kind, range, documents, justification,
                vexDocument, version, notAffectedIn, affectedIn, severitySource, kev, epss);
    }

    /**
     * Whether the application {@code document} describes says, in its own VEX statement, that it is not affected
     * (a statement scoped to one application says nothing of the others).
     */
    public boolean notAffectedInDocument(String document) {
        return notAffectedIn != null && notAffectedIn.stream().anyMatch(c -> c.digest().equals(document));
    }

    /**
     * Whether the application {@code document} describes has settled it by a VEX statement of its own: not_affected,
     * or fixed. Where VEX was weighed application by application ({@code affected_in} or {@code not_affected_in}
     * names a document), every containing document that {@code affected_in} leaves out is settled.
     */
    public boolean settledInDocument(String document) {
        if (notAffectedInDocument(document)) {
            return true;
        }
        boolean weighedPerApplication = affectedIn != null && !(affectedIn.isEmpty()
                && (notAffectedIn == null || notAffectedIn.isEmpty()));
        return weighedPerApplication && affectedIn.stream().noneMatch(c -> c.digest().equals(document));
    }

    /**
     * Its status in the application {@code document} describes: not_affected or fixed where that application's own
     * VEX statement settles it, else its status (the least reassuring of the applications').
     */
    public FindingStatus statusInDocument(String document) {
        if (notAffectedInDocument(document)) {
            return FindingStatus.NOT_AFFECTED;
        }
        return settledInDocument(document) ? FindingStatus.FIXED : status;
    }

    /** The documents still exposed to it: {@code affected_in} where VEX was weighed, else every one containing it. */
    public List<Container> exposedIn() {
        return affectedIn != null ? affectedIn : documents;
    }

    /** Its id and aliases. */
    public List<String> ids() {
        List<String> ids = new java.util.ArrayList<>(aliases.size() + 1);
        ids.add(id);
        ids.addAll(aliases);
        return ids;
    }

    /** A document containing the package version: its digest, and its subject as people read it. */
    public record Container(String digest, String subject) {}
}
