package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.DocumentDetail;
import io.supplygraph.server.GraphAccess;

/** One document: what it is, who signed it, the warnings its ingest produced; and deleting it. */
final class DocumentPage implements Handler {

    private final GraphAccess graph;
    private final Templates templates;

    DocumentPage(GraphAccess graph, Templates templates) {
        this.graph = graph;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        String digest = ctx.pathParam("digest");
        DocumentDetail detail = graph.read(g -> new DocumentDetail(g.document(digest), g.warnings(digest)));
        templates.render(ctx, "document.jte", Chrome.of(detail.document().digest(), "documents"), detail);
    }
}
