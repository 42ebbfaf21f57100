package io.supplygraph.server.upload;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.jobs.Jobs.Job;
import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.ingest.IngestOptions;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.ReleaseNaming;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.http.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Receives uploads: streams each body to the spool, then either ingests it before answering (one document: the
 * answer says what became of it) or makes it a job and answers 202 at once (an archive, several files, a client
 * that asked with {@code Prefer: respond-async}, or any upload when jobs go to a queue). Either way a 2xx is
 * durable: the document is committed, or its bytes are on disk (or in NATS) and recorded as a job that a restart
 * (or a worker) takes up.
 */
public final class Uploads {

    /** The answer to an upload: a status and a body (a document's outcome, or a job). */
    public record Answer(int status, Object body, String location) {}

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._+-]");

    private final GraphAccess graph;
    private final Spool spool;
    private final JobRunner jobs;
    private final JobDispatch dispatch;
    private final IngestGate gate;
    private final UploadMetrics metrics;
    private final long maxBytes;

    public Uploads(GraphAccess graph, Spool spool, JobRunner jobs, JobDispatch dispatch, IngestGate gate,
            UploadMetrics metrics, long maxBytes) {
        this.graph = graph;
        this.spool = spool;
        this.jobs = jobs;
        this.dispatch = dispatch;
        this.gate = gate;
        this.metrics = metrics;
        this.maxBytes = maxBytes;
    }

    /** Documents, about the application and release {@code naming} says ({@code ingest --app --release}). */
    public Answer documents(Context ctx, ReleaseNaming naming) throws IOException {
        try (IngestGate.Permit permit = gate.enter()) {
            List<Path> files = receive(ctx);
            boolean async = !dispatch.ingestsHere() || files.size() > 1 || wantsAsync(ctx)
                    || Archives.isArchive(files.get(0));
            return async ? queue(Jobs.Kind.DOCUMENTS, files, naming) : ingestNow(files.get(0), naming);
        }
    }

    /** OSV records (files or zips of them): always a job, since an export holds hundreds of thousands. */
    public Answer advisories(Context ctx) throws IOException {
        try (IngestGate.Permit permit = gate.enter()) {
            return queue(Jobs.Kind.ADVISORIES, receive(ctx), ReleaseNaming.FROM_SUBJECTS);
        }
    }

    /** An OSV sync as a job: it downloads and imports for minutes. */
    public Answer sync(List<String> ecosystems) {
        for (String e : ecosystems) {
            if (!e.matches("[A-Za-z0-9.:_ -]{1,64}")) {
                throw ApiProblem.badRequest("not an OSV ecosystem name: '" + e + "'");
            }
        }
        return accepted(jobs.queueSync(ecosystems));
    }

    private Answer ingestNow(Path file, ReleaseNaming naming) {
        Outcomes outcomes = new Outcomes();
        try {
            IngestSummary summary = graph.ingest(g -> g.ingest(List.of(file.toString()), InputStream.nullInputStream(),
                    outcomes, IngestOptions.defaults().withSourceNames(Spool.uploadNames(file)).withNaming(naming)));
            List<IngestOutcome> documents = outcomes.all();
            metrics.record(documents);
            if (summary.storeFailure() != null) {
                throw ApiProblem.unavailable("the database failed; nothing of this upload was stored: "
                        + summary.storeFailure(), 5);
            }
            return documents.size() == 1 ? answer(documents.get(0))
                    : finishedJob(file.getFileName().toString(), documents);
        } finally {
            spool.discard(List.of(file));
        }
    }

    private static Answer answer(IngestOutcome document) {
        if (document instanceof IngestOutcome.Ingested stored) {
            return new Answer(201, stored, "/api/v1/documents/" + stored.digest());
        }
        if (document instanceof IngestOutcome.AlreadyIngested known) {
            return new Answer(200, known, "/api/v1/documents/" + known.digest());
        }
        if (document instanceof IngestOutcome.Rejected rejected) {
            throw rejection(rejected);
        }
        throw ApiProblem.unavailable("the document was not attempted: the store failed", 5);
    }

    /**
     * One file that held several documents (an {@code .intoto.jsonl} of signed statements) is a batch: its answer is
     * a job, as for an archive, though one already done.
     */
    private Answer finishedJob(String source, List<IngestOutcome> documents) {
        return accepted(jobs.recordDone(Jobs.Kind.DOCUMENTS, source, documents));
    }

    /** 202 and where to follow the job. */
    private static Answer accepted(Job job) {
        return new Answer(202, job, "/api/v1/jobs/" + job.id());
    }

    /** The CLI's reason, with 415 for what is not a supported document and 422 for one that does not read. */
    private static ApiProblem rejection(IngestOutcome.Rejected document) {
        String reason = document.reason();
        boolean unsupported = reason.contains("not a supported document") || reason.contains("does not ingest yet");
        return unsupported
                ? new ApiProblem(415, "Unsupported Media Type", document.source() + ": " + reason)
                : new ApiProblem(422, "Unprocessable Content", document.source() + ": " + reason);
    }

    private Answer queue(Jobs.Kind kind, List<Path> files, ReleaseNaming naming) throws IOException {
        String names = String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
        try {
            Job job = graph.write(g -> g.jobs().create(kind, names));
            dispatch.dispatch(job, files, naming);
            return accepted(job);
        } finally {
            // What the job took is no longer where it was received; what it did not take was never promised.
            spool.discard(files);
        }
    }

    /** The body as one file, or each file part of a multipart body; 413 past the size limit. */
    private List<Path> receive(Context ctx) throws IOException {
        String declared = ctx.header("Content-Length");
        if (declared != null && declared.matches("\\d{1,19}") && Long.parseLong(declared) > maxBytes) {
            throw new ApiProblem(413, "Content Too Large", "the upload is " + declared
                    + " bytes; the limit is " + maxBytes + " bytes per upload");
        }
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return receiveParts(ctx);
        }
        try (InputStream body = ctx.bodyInputStream()) {
            return List.of(spool.receive(body, safeName(ctx.queryParam("name")), maxBytes));
        }
    }

    private List<Path> receiveParts(Context ctx) throws IOException {
        List<Path> files = new ArrayList<>();
        try {
            for (UploadedFile part : ctx.uploadedFiles()) {
                try (InputStream content = part.content()) {
                    files.add(spool.receive(content, safeName(part.filename()), maxBytes));
                }
            }
        } catch (IOException | RuntimeException e) {
            spool.discard(files);
            throw e;
        }
        if (files.isEmpty()) {
            throw ApiProblem.badRequest("the multipart body has no file part");
        }
        return files;
    }

    private static boolean wantsAsync(Context ctx) {
        String prefer = ctx.header("Prefer");
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
    }

    /** The client's file name, reduced to its last segment and to characters no file system minds. */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String safe = UNSAFE.matcher(last).replaceAll("_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            return "upload";
        }
        return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
    }
}
