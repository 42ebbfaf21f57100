package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.server.PortfolioAnswers;
import io.supplygraph.server.api.Paging;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Fix first: the upgrades that remove the most risk across the portfolio, each leading to who has the version. */
final class FixPage implements Handler {

    private final PortfolioAnswers portfolio;
    private final Templates templates;

    FixPage(PortfolioAnswers portfolio, Templates templates) {
        this.portfolio = portfolio;
        this.templates = templates;
    }

    /** How long the page waits for a plan being computed before it says so and asks the browser to come back. */
    static final Duration WAIT = Duration.ofMillis(800);

    @Override
    public void handle(Context ctx) {
        Paging paging = Paging.of(ctx);
        Optional<List<PortfolioUpgrade>> plan = portfolio.fixPlanWithin(WAIT);
        if (plan.isEmpty()) {
            templates.render(ctx, "computing.jte", Chrome.of("Fix first", "fix").refreshingAfter(5),
                    new ProblemModel("Fix first", "The plan for the portfolio as it is now is being computed: it reads"
                            + " every vulnerable version's advisories. This page looks again in a few seconds."));
            return;
        }
        Page<PortfolioUpgrade> page = paging.apply(plan.get(), Json.mapper());
        templates.render(ctx, "fix.jte", Chrome.of("Fix first", "fix"),
                new FixModel(page, Pager.of(Links.fixFirst(), paging, page)));
    }
}
