package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.DriftReport;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.api.Paging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A package: its versions in use in the ecosystem's order (who is behind), each version's findings, the
 * applications containing one version with a path, provenance and Scorecard.
 */
final class PackagePage implements Handler {

    private final GraphAccess graph;
    private final Templates templates;

    PackagePage(GraphAccess graph, Templates templates) {
        this.graph = graph;
        this.templates = templates;
    }

    @Override
    public void handle(Context ctx) {
        PackageIdentity identity = identity(Pages.required(ctx, "purl"));
        String base = identity.base();
        Paging paging = Paging.of(ctx);
        PackageModel model = graph.read(g -> {
            DriftReport drift = g.drift(base);
            if (drift.versions().isEmpty()) {
                throw new NotFoundException("no document lists the package " + base);
            }
            String selected = identity.version() != null ? identity.version() : drift.newest();
            Map<String, List<Finding>> findings = new LinkedHashMap<>();
            for (Finding f : g.vulns(new Vulns.Query(null, base, null, true))) {
                findings.computeIfAbsent(version(f.purl()), v -> new ArrayList<>()).add(f);
            }
            List<Application> containing = g.dependents(base + "@" + selected);
            Page<Application> page = paging.apply(containing, Json.mapper());
            return new PackageModel(base, selected, drift, findings, page,
                    Pager.of(Links.packagePage(base + "@" + selected), paging, page),
                    Pages.orNone(() -> g.provenance(base)), Pages.orNone(() -> g.scorecard(base)));
        });
        templates.render(ctx, "package.jte", Chrome.of(base, ""), model);
    }

    private static PackageIdentity identity(String purl) {
        try {
            return PackageIdentity.fromPurl(purl);
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String version(String purl) {
        return identity(purl).version();
    }
}
