package io.supplygraph.server.api;

import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.server.GraphAccess;
import java.util.List;

/** How software was built and who vouches for it: SLSA provenance and OpenSSF Scorecards. */
final class ProvenanceApi {

    private final GraphAccess graph;
    private final Answers answers;

    ProvenanceApi(GraphAccess graph, Answers answers) {
        this.graph = graph;
        this.answers = answers;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/v1/provenance", "listProvenance",
                                "How a package version or artifact was built: builder, source, SLSA level, trust")
                        .query("purl", true, "string", "a purl (followed to its artifacts' digests) or a digest")
                        .listOf(Build.class, "builds")
                        .errors(404, 409)
                        .handle(ctx -> answers.list(ctx, () -> graph.read(
                                g -> g.provenance(Answers.required(ctx, "purl"))))),
                Endpoint.get("/api/v1/scorecard", "listScorecards",
                                "The OpenSSF Scorecard of a package's source repositories, or of a repository")
                        .query("purl", true, "string", "a purl or a repository URL")
                        .listOf(Scorecard.class, "scorecards")
                        .handle(ctx -> answers.list(ctx, () -> graph.read(
                                g -> g.scorecard(Answers.required(ctx, "purl"))))));
    }
}
