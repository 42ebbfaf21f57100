package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.Hop;
import io.supplygraph.analysis.view.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A dependency path as a graph: the hops, and for each node the most severe open finding on it (null: none, or no
 * package). The hop table is the page's fallback and the data the script draws the graph from.
 */
public record PathModel(String from, String to, List<Hop> hops, Map<String, Severity> worst) {

    /** Every node once, from the first to the last. */
    public List<String> nodes() {
        LinkedHashSet<String> nodes = new LinkedHashSet<>();
        hops.forEach(h -> {
            nodes.add(h.from());
            nodes.add(h.to());
        });
        return new ArrayList<>(nodes);
    }

    /** The prefix a path gives document nodes; a package is its purl, an artifact its digest. */
    private static final String DOCUMENT = "document ";

    /** {@code document}, {@code package} or {@code artifact}: what colours a node's shape. */
    public static String kind(String node) {
        if (node.startsWith("pkg:")) {
            return "package";
        }
        return node.startsWith(DOCUMENT) ? "document" : "artifact";
    }

    public String severityOf(String node) {
        Severity s = worst.get(node);
        return s == null ? "none" : s.label();
    }

    /** A package's page, a document's, or the search for an artifact's digest. */
    public String link(String node) {
        return switch (kind(node)) {
            case "package" -> Links.packagePage(node);
            case "document" -> Links.document(node.substring(DOCUMENT.length()));
            default -> Links.search(node);
        };
    }
}
