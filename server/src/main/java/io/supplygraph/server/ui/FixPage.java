package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.server.PortfolioAnswers;
import io.supplygraph.server.api.Paging;

/** Fix first: the upgrades that remove the most risk across the portfolio, each leading to who has the version. */
final class FixPage implements Handler {

    private final PortfolioAnswers portfolio;
    private final Templates templates;

    FixPage(PortfolioAnswers portfolio, Templates templates) {
        this.portfolio = portfolio;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        Paging paging = Paging.of(ctx);
        Page<PortfolioUpgrade> page = paging.apply(portfolio.fixPlan(), Json.mapper());
        templates.render(ctx, "fix.jte", Chrome.of("Fix first", "fix"),
                new FixModel(page, Pager.of(Links.fixFirst(), paging, page)));
    }
}
