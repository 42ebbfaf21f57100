package io.supplygraph.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.versions.VersionQuestions;
import io.supplygraph.analysis.versions.VersionQuestions.Affected;
import io.supplygraph.analysis.versions.VersionQuestions.Comparison;
import io.supplygraph.analysis.versions.VersionQuestions.EcosystemScheme;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.model.osv.OsvRecord;
import io.supplygraph.server.http.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Version semantics per ecosystem, as {@code supplygraph versions} answers them: no graph needed. */
final class VersionsApi {

    /** An OSV record is small; a body past this is not one. */
    private static final int MAX_RECORD_BYTES = 1 << 20;

    private final Answers answers;

    VersionsApi(Answers answers) {
        this.answers = answers;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/v1/versions/compare", "compareVersions",
                                "How two versions compare in an ecosystem's order: <, = or >")
                        .query("ecosystem", true, "string", "an OSV ecosystem (PyPI, Debian:12) or purl type (pypi)")
                        .query("a", true, "string", "the first version")
                        .query("b", true, "string", "the second version")
                        .returns(200, Comparison.class, "the comparison")
                        .errors(400)
                        .handle(ctx -> answers.one(ctx, VersionQuestions.compare(Answers.required(ctx, "ecosystem"),
                                Answers.required(ctx, "a"), Answers.required(ctx, "b")))),
                Endpoint.post("/api/v1/versions/affected", "versionAffected",
                                "Whether an OSV record (the body) affects a version, and which range decided")
                        .query("ecosystem", true, "string", "an OSV ecosystem or purl type")
                        .query("version", true, "string", "the version to decide")
                        .query("package", false, "string", "only the record's entries for this package name")
                        .body("an OSV record (JSON)", "application/json")
                        .returns(200, Affected.class, "the verdict: affected, not affected or unknown")
                        .errors(400, 404, 413)
                        .handle(ctx -> {
                            OsvRecord record = record(ctx.bodyInputStream());
                            answers.one(ctx, VersionQuestions.affected(Answers.required(ctx, "ecosystem"), record,
                                    Answers.required(ctx, "version"), ctx.queryParam("package")));
                        }),
                Endpoint.get("/api/v1/versions/ecosystems", "listEcosystems",
                                "The supported ecosystems, their purl types and version schemes")
                        .listOf(EcosystemScheme.class, "ecosystems")
                        .handle(ctx -> answers.list(ctx, VersionQuestions::ecosystems)));
    }

    private static OsvRecord record(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_RECORD_BYTES + 1);
        if (bytes.length > MAX_RECORD_BYTES) {
            throw new ApiProblem(413, "Content Too Large", "an OSV record is at most " + MAX_RECORD_BYTES + " bytes");
        }
        ObjectMapper json = ReadLimits.jsonMapper();
        try {
            return json.readValue(bytes, OsvRecord.class);
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body is not an OSV record: " + e.getMessage());
        }
    }
}
