package io.supplygraph.server.api;

import io.supplygraph.analysis.view.AffectedRange;
import io.supplygraph.analysis.view.ApplicationDetail;
import io.supplygraph.analysis.view.Component;
import io.supplygraph.analysis.view.LicenceUse;
import io.supplygraph.analysis.view.NestedDocument;
import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.Overview;
import io.supplygraph.analysis.view.SearchHit;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.PortfolioAnswers;
import java.util.List;

/**
 * What the web UI's pages show, for any client: the portfolio's front page, one search box, an application with
 * its documents, a document's component tree and licences, a vulnerability's affected ranges.
 */
final class PortfolioApi {

    /** Hits of each kind a search answers with at most; the UI lists them as candidates. */
    static final int SEARCH_HITS = 20;

    private final GraphAccess graph;
    private final PortfolioAnswers portfolio;
    private final Answers answers;

    PortfolioApi(GraphAccess graph, PortfolioAnswers portfolio, Answers answers) {
        this.graph = graph;
        this.portfolio = portfolio;
        this.answers = answers;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/v1/overview", "showOverview",
                                "The portfolio at a glance: counts, findings by severity and status, malicious packages,"
                                        + " the most exposed packages, provenance coverage, recent documents and"
                                        + " rejections")
                        .returns(200, Overview.class, "the overview")
                        .handle(ctx -> answers.one(ctx, portfolio.overview())),
                Endpoint.get("/api/v1/applications", "listApplications",
                                "Every application with its releases, newest first: their documents, superseded ones,"
                                        + " and open findings by severity (computed once per change of the graph)")
                        .query("latest", false, "boolean", "each application with its newest release alone")
                        .listOf(ApplicationReleases.class, "applications")
                        .handle(ctx -> answers.list(ctx, () -> Answers.flag(ctx, "latest")
                                ? portfolio.applications().stream().map(ApplicationReleases::withLatestOnly).toList()
                                : portfolio.applications())),
                Endpoint.get("/api/v1/search", "search",
                                "What a search box entry may mean: a purl, a vulnerability id or alias, a document"
                                        + " digest or its start, an application or package name")
                        .query("term", true, "string", "what to look for (the list's own q filters the hits)")
                        .listOf(SearchHit.class, "hits, the most specific first")
                        .errors(409)
                        .handle(ctx -> answers.list(ctx, () -> graph.read(
                                g -> g.search(Answers.required(ctx, "term"), SEARCH_HITS)))),
                Endpoint.get("/api/v1/application", "showApplication",
                                "An application by its subject's purl, with the documents that describe it")
                        .query("subject", true, "string", "the subject's purl, as documents list it")
                        .returns(200, ApplicationDetail.class, "the application")
                        .errors(404)
                        .handle(ctx -> answers.one(ctx, graph.read(
                                g -> g.application(Answers.required(ctx, "subject"))))),
                Endpoint.get("/api/v1/documents/{digest}/components", "listComponents",
                                "A document's components as a tree, depth first from its subject")
                        .pathParam("digest", "the digest, or its start")
                        .listOf(Component.class, "components")
                        .errors(404, 409)
                        .handle(ctx -> answers.list(ctx, () -> graph.read(
                                g -> g.components(ctx.pathParam("digest"))))),
                Endpoint.get("/api/v1/documents/{digest}/nested", "listNestedDocuments",
                                "The documents nested in a document (whose subject it lists) and those it is nested in,"
                                        + " with the purl or artifact digest that joins them")
                        .pathParam("digest", "the digest, or its start")
                        .listOf(NestedDocument.class, "nested documents")
                        .errors(404, 409)
                        .handle(ctx -> answers.list(ctx, () -> graph.read(
                                g -> g.nested(ctx.pathParam("digest"))))),
                Endpoint.get("/api/v1/documents/{digest}/licences", "listLicences",
                                "The licences of a document's components, the most common first")
                        .pathParam("digest", "the digest, or its start")
                        .listOf(LicenceUse.class, "licences")
                        .errors(404, 409)
                        .handle(ctx -> answers.list(ctx, () -> graph.read(
                                g -> g.licences(ctx.pathParam("digest"))))),
                Endpoint.get("/api/v1/vulns/{id}/affected", "listAffectedRanges",
                                "What the advisories naming a vulnerability say its affected versions are")
                        .pathParam("id", "CVE, GHSA, PYSEC, GO, RUSTSEC, MAL... id or alias")
                        .listOf(AffectedRange.class, "affected ranges, per advisory and package")
                        .errors(404)
                        .handle(ctx -> answers.list(ctx, () -> graph.read(
                                g -> g.affectedRanges(ctx.pathParam("id"))))));
    }
}
