package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.Overview;
import io.supplygraph.server.GraphAccess;

/** The portfolio at a glance. */
final class OverviewPage implements Handler {

    private final GraphAccess graph;
    private final Templates templates;

    OverviewPage(GraphAccess graph, Templates templates) {
        this.graph = graph;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        Overview overview = graph.read(g -> g.overview());
        templates.render(ctx, "overview.jte", Chrome.of("Overview", "overview"),
                new OverviewModel(overview, FindingsChart.of(overview.findings())));
    }
}
