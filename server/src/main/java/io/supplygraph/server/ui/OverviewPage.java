package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.Overview;
import io.supplygraph.server.OverviewCache;

/** The portfolio at a glance. */
final class OverviewPage implements Handler {

    private final OverviewCache overviews;
    private final Templates templates;

    OverviewPage(OverviewCache overviews, Templates templates) {
        this.overviews = overviews;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        Overview overview = overviews.get();
        templates.render(ctx, "overview.jte", Chrome.of("Overview", "overview"),
                new OverviewModel(overview, FindingsChart.of(overview.findings())));
    }
}
