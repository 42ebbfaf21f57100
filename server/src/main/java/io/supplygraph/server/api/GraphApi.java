package io.supplygraph.server.api;

import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.Dependency;
import io.supplygraph.analysis.view.DriftReport;
import io.supplygraph.analysis.view.Hop;
import io.supplygraph.analysis.view.PackageUsage;
import io.supplygraph.analysis.view.Stats;
import io.supplygraph.server.GraphAccess;
import java.util.List;

/** What is in the supply chain: packages, dependencies, dependents (blast radius), paths, drift and counts. */
final class GraphApi {

    private final GraphAccess graph;
    private final Answers answers;

    GraphApi(GraphAccess graph, Answers answers) {
        this.graph = graph;
        this.answers = answers;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/v1/packages", "listPackages",
                                "Package versions (purls) and how many documents contain each")
                        .query("name", false, "string", "only packages whose name contains this")
                        .listOf(PackageUsage.class, "package versions")
                        .handle(ctx -> answers.list(ctx, () -> graph.read(g -> g.packages(ctx.queryParam("name"))))),
                Endpoint.get("/api/v1/deps", "listDependencies",
                                "What a package version, or a document's subject, depends on")
                        .query("purl", true, "string", "a purl, a package name or a document digest")
                        .query("transitive", false, "boolean", "follow dependencies down to the leaves")
                        .listOf(Dependency.class, "dependencies")
                        .handle(ctx -> answers.list(ctx, () -> graph.read(g -> g.deps(Answers.required(ctx, "purl"),
                                Answers.flag(ctx, "transitive"))))),
                Endpoint.get("/api/v1/dependents", "listDependents",
                                "Blast radius: every release of an application containing the package, with a path"
                                        + " down to it and the documents that say so")
                        .query("purl", true, "string", "a purl (any version when it has none) or a package name")
                        .query("latest", false, "boolean", "only each application's newest release")
                        .listOf(Application.class, "releases")
                        .handle(ctx -> answers.list(ctx, () -> graph.read(g -> g.dependents(Answers.required(ctx, "purl"),
                                Answers.flag(ctx, "latest"))))),
                Endpoint.get("/api/v1/path", "findPath", "A shortest path between two packages, artifacts or documents")
                        .query("from", true, "string", "a purl, a package name or a digest")
                        .query("to", true, "string", "a purl, a package name or a digest")
                        .listOf(Hop.class, "the path's hops, from first to last")
                        .handle(ctx -> answers.list(ctx, () -> graph.read(g -> g.path(Answers.required(ctx, "from"),
                                Answers.required(ctx, "to"))))),
                Endpoint.get("/api/v1/drift", "showDrift",
                                "Versions of a package in use, in the ecosystem's order, and who is behind the newest")
                        .query("purl", true, "string", "a purl; its version, if any, is ignored")
                        .returns(200, DriftReport.class, "the versions in use")
                        .errors(400)
                        .handle(ctx -> answers.one(ctx, graph.read(g -> g.drift(Answers.required(ctx, "purl"))))),
                Endpoint.get("/api/v1/stats", "showStats", "Counts of what the graph holds")
                        .returns(200, Stats.class, "the counts")
                        .handle(ctx -> answers.one(ctx, graph.read(g -> g.stats().withoutDatabase()))));
    }
}
