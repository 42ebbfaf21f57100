package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.view.ApplicationDetail;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.view.VexStatement;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.api.Paging;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application: its documents, the component tree of one of them, its findings with VEX status, licences,
 * provenance and the Scorecard of its source.
 */
final class ApplicationPage implements Handler {

    /** Components drawn at most; a filter narrows a larger tree. */
    static final int TREE_LIMIT = 2000;

    private final GraphAccess graph;
    private final Templates templates;

    ApplicationPage(GraphAccess graph, Templates templates) {
        this.graph = graph;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        String chosen = ctx.queryParam("doc");
        String named = chosen == null ? Pages.required(ctx, "purl") : ctx.queryParam("purl");
        String filter = ctx.queryParam("filter") == null ? "" : ctx.queryParam("filter").strip();
        Paging paging = Paging.of(ctx);
        ApplicationModel model = graph.read(g -> {
            String purl = named != null ? named : g.document(chosen).subjectPurl();
            if (purl == null) {
                throw new NotFoundException("the document " + chosen + " names no subject");
            }
            ApplicationDetail application = g.application(purl);
            Document document = chosen == null ? application.documents().get(0) : application.documents().stream()
                    .filter(d -> d.digest().startsWith(chosen)).findFirst()
                    .orElseThrow(() -> new NotFoundException("no document of " + purl + " has the digest " + chosen));
            List<Finding> findings = g.vulns(new Vulns.Query(document.digest(), null, null, true));
            Page<Finding> page = paging.apply(findings, Json.mapper());
            Map<String, VexStatement> statements = new HashMap<>();
            for (Finding f : page.items()) {
                if (f.settledInDocument(document.digest())) {
                    // a statement names the vulnerability by one of its ids, not necessarily the finding's own
                    f.ids().stream().flatMap(id -> g.vex(f.purl(), id).stream()).filter(v -> purl.equals(v.product()))
                            .findFirst().ifPresent(v -> statements.put(ApplicationModel.key(f), v));
                }
            }
            String base = Links.application(purl, document.digest()) + (filter.isEmpty() ? ""
                    : "&filter=" + Links.encode(filter));
            return new ApplicationModel(application, document, g.nested(document.digest()),
                    ComponentTree.of(g.components(document.digest()), filter, TREE_LIMIT), filter, page,
                    Pager.of(base, paging, page), g.licences(document.digest()),
                    Pages.orNone(() -> g.provenance(purl)), Pages.orNone(() -> g.scorecard(purl)), statements,
                    g.fix(document.digest()));
        });
        templates.render(ctx, "application.jte", Chrome.of(model.application().name(), ""), model);
    }
}
