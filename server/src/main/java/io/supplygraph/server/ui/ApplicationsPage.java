package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.server.PortfolioAnswers;
import io.supplygraph.server.api.Paging;
import java.util.List;
import java.util.Optional;

/**
 * Every application with its releases, newest first: how many documents each has (regenerated SBOMs of a release
 * count once), which were superseded, and its open findings by severity.
 */
final class ApplicationsPage implements Handler {

    private final PortfolioAnswers portfolio;
    private final Templates templates;

    ApplicationsPage(PortfolioAnswers portfolio, Templates templates) {
        this.portfolio = portfolio;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        Paging paging = Paging.of(ctx);
        Optional<List<ApplicationReleases>> applications = portfolio.applicationsWithin(FixPage.WAIT);
        if (applications.isEmpty()) {
            templates.render(ctx, "computing.jte", Chrome.of("Applications", "applications").refreshingAfter(5),
                    new ProblemModel("Applications", "The applications of the portfolio as it is now are being"
                            + " counted: it reads every finding. This page looks again in a few seconds."));
            return;
        }
        Page<ApplicationReleases> page = paging.apply(applications.get(), Json.mapper());
        templates.render(ctx, "applications.jte", Chrome.of("Applications", "applications"),
                new ApplicationsModel(page, Pager.of(Links.applications(), paging, page)));
    }
}
