package io.supplygraph.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.supplygraph.analysis.view.LicenceReport;
import io.supplygraph.analysis.view.Quality;
import io.supplygraph.analysis.vex.VexExport;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.http.ApiProblem;
import java.time.Instant;
import java.util.List;

/**
 * The reports the CLI prints as one object rather than a list: the licences of a document, an application or the
 * portfolio ({@code licenses}), an SBOM's quality ({@code quality DIGEST}), and the findings as a VEX document
 * ({@code export vex}). Each answers the very view (or document) the command prints with {@code --json}.
 */
final class ReportsApi {

    private final GraphAccess graph;
    private final Answers answers;

    ReportsApi(GraphAccess graph, Answers answers) {
        this.graph = graph;
        this.answers = answers;
    }

    List<Endpoint> endpoints() {
        return List.of(
                scoped(Endpoint.get("/api/v1/licences", "showLicenceReport",
                                "The licences of one document's, one application's or (with neither) the whole"
                                        + " portfolio's components: components per class and per licence"
                                        + " expression, those whose licence is unknown, and each copyleft one with a"
                                        + " path; as 'licenses --json' prints it"))
                        .returns(200, LicenceReport.class, "the licence report")
                        .errors(400, 404, 409)
                        .handle(ctx -> {
                            Scope scope = Scope.of(ctx);
                            answers.one(ctx, graph.read(g -> g.licenceReport(scope.document(), scope.application())));
                        }),
                Endpoint.get("/api/v1/documents/{digest}/quality", "showQuality",
                                "An SBOM's quality: a score from 0 to 10 and each check's verdict, score and reason;"
                                        + " as 'quality DIGEST --json' prints it")
                        .pathParam("digest", "the SBOM's digest, or its start")
                        .returns(200, Quality.class, "the quality report")
                        .errors(400, 404, 409)
                        .handle(ctx -> answers.one(ctx, graph.read(g -> g.quality(ctx.pathParam("digest"))))),
                scoped(Endpoint.get("/api/v1/export/vex", "exportVex",
                                "The findings of one document, one application or (with neither, OpenVEX only) the"
                                        + " portfolio as an OpenVEX 0.2.0 document or a CycloneDX 1.6 VEX BOM, as"
                                        + " 'export vex' writes it"))
                        .query("format", false, "string", "openvex (the default) or cyclonedx (for one document or"
                                + " application: its analyses speak for the BOM's one subject)")
                        .returns(200, JsonNode.class, "the OpenVEX document, or the CycloneDX BOM")
                        .errors(400, 404, 409)
                        .handle(ctx -> {
                            Scope scope = Scope.of(ctx);
                            String format = ctx.queryParam("format");
                            VexExport.Format chosen = format == null || format.isBlank() ? VexExport.Format.OPENVEX
                                    : VexExport.Format.parse(format);
                            String vex = graph.read(g -> g.exportVex(chosen, scope.document(), scope.application(),
                                    Instant.now()));
                            ctx.contentType("application/json").result(vex);
                        }));
    }

    private static Endpoint.Builder scoped(Endpoint.Builder endpoint) {
        return endpoint.query("doc", false, "string", "one document: its digest, or enough of its start")
                .query("app", false, "string", "one application: its subject's purl");
    }

    /** What a report covers, as the CLI's --doc and --app: one document, one application, or neither for all. */
    private record Scope(String document, String application) {

        static Scope of(Context ctx) {
            String document = Answers.optional(ctx, "doc");
            String application = Answers.optional(ctx, "app");
            if (document != null && application != null) {
                throw ApiProblem.badRequest("give doc or app, not both: a report covers one document, one"
                        + " application or (with neither) the portfolio");
            }
            return new Scope(document, application);
        }
    }
}
