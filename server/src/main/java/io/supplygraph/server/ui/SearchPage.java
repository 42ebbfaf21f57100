package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.SearchHit;
import io.supplygraph.server.GraphAccess;
import java.util.List;

/** The search box's answer: straight to the page when one thing matches, else the candidates. */
final class SearchPage implements Handler {

    private static final int HITS_PER_KIND = 25;

    private final GraphAccess graph;
    private final Templates templates;

    SearchPage(GraphAccess graph, Templates templates) {
        this.graph = graph;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        List<SearchHit> hits = q.isEmpty() ? List.of() : graph.read(g -> g.search(q, HITS_PER_KIND));
        if (hits.size() == 1) {
            ctx.redirect(link(hits.get(0)));
            return;
        }
        templates.render(ctx, "search.jte", new Chrome("Search: " + q, "", q, 0), new SearchModel(q, hits));
    }

    static String link(SearchHit hit) {
        return switch (hit.kind()) {
            case APPLICATION -> Links.application(hit.key());
            case PACKAGE -> Links.packagePage(hit.key());
            case VULNERABILITY -> Links.vulnerability(hit.key());
            case DOCUMENT -> Links.document(hit.key());
        };
    }
}
