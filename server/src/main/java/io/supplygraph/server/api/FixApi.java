package io.supplygraph.server.api;

import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.PortfolioAnswers;
import java.util.List;

/** Fix first: an application's upgrade plan, and the upgrades ranked across the portfolio. */
final class FixApi {

    private final GraphAccess graph;
    private final PortfolioAnswers portfolio;
    private final Answers answers;

    FixApi(GraphAccess graph, PortfolioAnswers portfolio, Answers answers) {
        this.graph = graph;
        this.portfolio = portfolio;
        this.answers = answers;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/v1/fix", "fixApplication",
                                "An application's upgrade plan: per vulnerable package version, the version to move"
                                        + " to, where it comes from, and what that removes (with KEV and EPSS);"
                                        + " malicious packages first, then the most risk removed")
                        .query("app", true, "string", "the application: its subject's purl, or a document digest")
                        .listOf(Upgrade.class, "upgrades")
                        .errors(404, 409)
                        .handle(ctx -> {
                            String app = Answers.required(ctx, "app");
                            answers.list(ctx, () -> graph.read(g -> g.fix(app)));
                        }),
                Endpoint.get("/api/v1/fix/portfolio", "fixPortfolio",
                                "The upgrades that remove the most risk across every application: ranked by"
                                        + " applications times the risk each removes")
                        .listOf(PortfolioUpgrade.class, "upgrades")
                        .handle(ctx -> answers.list(ctx, portfolio::fixPlan)));
    }
}
