package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Hop;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.server.GraphAccess;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dependency path from an application (a document) or a package down to a package, drawn as a graph. */
final class PathPage implements Handler {

    private static final Comparator<Severity> RATING = Comparator.nullsFirst(Comparator.naturalOrder());

    private final GraphAccess graph;
    private final Templates templates;

    PathPage(GraphAccess graph, Templates templates) {
        this.graph = graph;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        String from = Pages.required(ctx, "from");
        String to = Pages.required(ctx, "to");
        PathModel model = graph.read(g -> {
            List<Hop> hops = g.path(from, to);
            Map<String, Severity> worst = new HashMap<>();
            PathModel path = new PathModel(from, to, hops, worst);
            // a path is a handful of nodes: one findings query each stays cheap
            for (String node : path.nodes()) {
                if (PathModel.kind(node).equals("package")) {
                    g.vulns(new Vulns.Query(null, node, null, false)).stream()
                            .filter(f -> f.status().stillExposed()).map(Finding::severity).max(RATING)
                            .ifPresent(s -> worst.put(node, s));
                }
            }
            return path;
        });
        templates.render(ctx, "path.jte", Chrome.of("Path to " + to, ""), model);
    }
}
