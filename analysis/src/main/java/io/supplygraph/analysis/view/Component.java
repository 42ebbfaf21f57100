package io.supplygraph.analysis.view;

/**
 * A component of one document, in its tree: depth 0 is the document's subject, depth 1 its direct dependencies.
 *
 * @param parent    the purl of the component that brings it in, null for the subject
 * @param synthetic whether the document gave it no purl (Supplygraph made one up from its name and version)
 */
public record Component(String purl, String name, String version, boolean synthetic, int depth, String parent) {

    /** As people read it: its purl, or the name and version a component without a purl has. */
    public String label() {
        return !synthetic ? purl : version == null ? name : name + "@" + version;
    }


    public boolean direct() {
        return depth == 1;
    }
}
