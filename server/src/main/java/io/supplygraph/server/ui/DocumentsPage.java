package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.api.Paging;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The documents: SBOMs, attestations and VEX by default, advisories (imported by the thousand) on their own tab;
 * newest first unless sorted otherwise. Uploading and deleting happen here too, through the REST API.
 */
final class DocumentsPage implements Handler {

    private final GraphAccess graph;
    private final Templates templates;

    DocumentsPage(GraphAccess graph, Templates templates) {
        this.graph = graph;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        boolean advisories = "advisory".equals(ctx.queryParam("kind"));
        Paging paging = Paging.of(ctx);
        Page<Document> page;
        if (advisories) {
            // paged in the database: an OSV sync brings hundreds of thousands; newest first, filtered by id
            page = graph.read(g -> g.advisoryDocuments(paging.q(), paging.limit(), paging.offset()));
        } else {
            List<Document> documents = new ArrayList<>(graph.read(g -> g.ingestedDocuments()));
            Collections.reverse(documents);
            page = paging.apply(documents, Json.mapper());
        }
        String base = advisories ? Links.documents() + "?kind=advisory" : Links.documents();
        templates.render(ctx, "documents.jte", Chrome.of("Documents", "documents"),
                new DocumentsModel(page, Pager.of(base, paging, page), advisories));
    }
}
