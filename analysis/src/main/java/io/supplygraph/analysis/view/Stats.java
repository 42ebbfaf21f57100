package io.supplygraph.analysis.view;

/**
 * Counts of what the graph holds. Nouns count only while some document still asserts a fact about them.
 *
 * @param versions   package versions
 * @param components components listed, summed over documents
 * @param database   where the graph is, its password left out
 */
public record Stats(long documents, long packages, long versions, long edges, long artifacts, long components,
        String database) {

    /** The counts without where the database is: a server's clients have no business knowing its host and user. */
    public Stats withoutDatabase() {
        return new Stats(documents, packages, versions, edges, artifacts, components, null);
    }
}
