package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.api.Paging;

/**
 * Every application with its releases, newest first: how many documents each has (regenerated SBOMs of a release
 * count once), which were superseded, and its open findings by severity.
 */
final class ApplicationsPage implements Handler {

    private final GraphAccess graph;
    private final Templates templates;

    ApplicationsPage(GraphAccess graph, Templates templates) {
        this.graph = graph;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        Paging paging = Paging.of(ctx);
        Page<ApplicationReleases> page = paging.apply(graph.read(g -> g.applications(false)), Json.mapper());
        templates.render(ctx, "applications.jte", Chrome.of("Applications", "applications"),
                new ApplicationsModel(page, Pager.of(Links.applications(), paging, page)));
    }
}
