package io.supplygraph.server.api;

import io.javalin.http.Context;
import io.supplygraph.analysis.jobs.Jobs.Job;
import io.supplygraph.analysis.view.DeletedDocument;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.DocumentDetail;
import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.ingest.ReleaseNaming;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.api.Endpoint.Access;
import io.supplygraph.server.http.ApiProblem;
import io.supplygraph.server.upload.Uploads;
import java.util.List;

/** Documents in and out: upload, list, show, delete; and the jobs of uploads answered 202. */
final class DocumentsApi {

    private static final String[] DOCUMENT_TYPES = {"application/octet-stream", "application/json",
        "application/xml", "text/plain", "application/gzip", "application/zip", "multipart/form-data"};

    private final GraphAccess graph;
    private final Answers answers;
    private final Uploads uploads;

    DocumentsApi(GraphAccess graph, Answers answers, Uploads uploads) {
        this.graph = graph;
        this.answers = answers;
        this.uploads = uploads;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/v1/documents", "uploadDocuments",
                                "Ingest an SBOM, attestation, VEX or advisory, plain, compressed or in an archive."
                                        + " One document is ingested before the answer (201, or 200 when already"
                                        + " ingested); an archive, several multipart files, or 'Prefer:"
                                        + " respond-async' give 202 and a job to follow")
                        .access(Access.WRITE)
                        .query("name", false, "string", "the file name to record (a raw body has none)")
                        .query("app", false, "string", "the application the documents are about, instead of their"
                                + " subject's purl without its version (as 'ingest --app')")
                        .query("release", false, "string", "the application's release they are about, instead of"
                                + " their subject's version; only with app (as 'ingest --release')")
                        .query("replace", false, "boolean", "each document stored supersedes the documents of its"
                                + " release that the same producer wrote before (as 'ingest --replace')")
                        .body("the document's bytes, or multipart/form-data with file parts", DOCUMENT_TYPES)
                        .returns(201, IngestOutcome.Ingested.class, "the document, ingested")
                        .returns(200, IngestOutcome.AlreadyIngested.class, "the document, ingested before")
                        .returns(202, Job.class, "the job that ingests the upload")
                        .errors(400, 413, 415, 422)
                        .handle(ctx -> reply(ctx, uploads.documents(ctx, naming(ctx)))),
                Endpoint.get("/api/v1/documents", "listDocuments", "Every ingested document")
                        .listOf(Document.class, "documents")
                        .handle(ctx -> answers.list(ctx, () -> graph.read(g -> g.documents()))),
                Endpoint.get("/api/v1/documents/{digest}", "showDocument",
                                "One document, with the warnings its ingest produced")
                        .pathParam("digest", "sha256:<hex>, or enough of its start to be unambiguous")
                        .returns(200, DocumentDetail.class, "the document")
                        .errors(404, 409)
                        .handle(ctx -> {
                            String digest = ctx.pathParam("digest");
                            answers.one(ctx, graph.read(g -> new DocumentDetail(g.document(digest),
                                    g.warnings(digest))));
                        }),
                Endpoint.delete("/api/v1/documents/{digest}", "deleteDocument",
                                "Delete a document and every fact only it asserted")
                        .access(Access.WRITE)
                        .pathParam("digest", "sha256:<hex>, or enough of its start to be unambiguous")
                        .returns(200, DeletedDocument.class, "the deleted document")
                        .errors(404, 409)
                        .handle(ctx -> answers.one(ctx, graph.write(g -> g.deleteDocument(ctx.pathParam("digest"))))),
                Endpoint.post("/api/v1/advisories", "uploadAdvisories",
                                "Import OSV records: JSON or YAML files, or zips laid out like OSV's exports; always"
                                        + " a job")
                        .access(Access.WRITE)
                        .query("name", false, "string", "the file name to record (a raw body has none)")
                        .body("OSV records, or multipart/form-data with file parts", DOCUMENT_TYPES)
                        .returns(202, Job.class, "the job importing them")
                        .errors(413)
                        .handle(ctx -> reply(ctx, uploads.advisories(ctx))),
                Endpoint.post("/api/v1/advisories/sync", "syncAdvisories",
                                "Download OSV's bulk exports and import what changed, as 'osv sync' does; always a job"
                                        + " whose result gives each ecosystem's counts")
                        .access(Access.WRITE)
                        .query("ecosystem", false, "string", "an OSV ecosystem as the export names it (PyPI, npm,"
                                + " Maven...); repeat it for several; none means every ecosystem the source lists")
                        .returns(202, Job.class, "the job syncing them")
                        .errors(400)
                        .handle(ctx -> reply(ctx, uploads.sync(ctx.queryParams("ecosystem")))),
                Endpoint.get("/api/v1/jobs/{id}", "showJob",
                                "A job of an upload answered 202: queued, running, done or failed, with each"
                                        + " document's outcome once done")
                        .pathParam("id", "the job id the 202 answer gave")
                        .returns(200, Job.class, "the job")
                        .errors(404)
                        .handle(ctx -> answers.one(ctx, graph.read(g -> g.jobs().get(ctx.pathParam("id"))))));
    }

    /** The application and release an upload names, checked as {@code ingest} checks its options. */
    private static ReleaseNaming naming(Context ctx) {
        try {
            return new ReleaseNaming(Answers.optional(ctx, "app"), Answers.optional(ctx, "release"),
                    Answers.flag(ctx, "replace"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("release names a release of an application: give app");
        }
    }

    private static void reply(Context ctx, Uploads.Answer answer) {
        if (answer.location() != null) {
            ctx.header("Location", answer.location());
        }
        ctx.status(answer.status()).json(answer.body());
    }
}
