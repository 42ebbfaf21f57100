package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.Overview;
import io.supplygraph.server.PortfolioAnswers;

/** The portfolio at a glance. */
final class OverviewPage implements Handler {

    private final PortfolioAnswers portfolio;
    private final Templates templates;

    OverviewPage(PortfolioAnswers portfolio, Templates templates) {
        this.portfolio = portfolio;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        Overview overview = portfolio.overview();
        templates.render(ctx, "overview.jte", Chrome.of("Overview", "overview"),
                new OverviewModel(overview, FindingsChart.of(overview.findings())));
    }
}
