package io.supplygraph.analysis.view;

/**
 * Counts of what the graph holds. Nouns count only while some document still asserts a fact about them.
 *
 * @param versions      package versions
 * @param components    components listed, summed over documents
 * @param database      where the graph is, its password left out
 * @param advisories    advisories in force (not withdrawn)
 * @param vexStatements VEX statements, of every document (superseded ones too)
 * @param attestations  in-toto statements stored (each signed statement of an envelope or bundle is one)
 * @param scorecards    OpenSSF Scorecard results
 * @param findings      the findings {@code vulns} lists by default (affected after VEX), by severity
 */
public record Stats(long documents, long packages, long versions, long edges, long artifacts, long components,
        String database, long advisories, long vexStatements, long attestations, long scorecards,
        FindingCounts findings) {

    /** The counts without where the database is: a server's clients have no business knowing its host and user. */
    public Stats withoutDatabase() {
        return new Stats(documents, packages, versions, edges, artifacts, components, null, advisories, vexStatements,
                attestations, scorecards, findings);
    }
}
