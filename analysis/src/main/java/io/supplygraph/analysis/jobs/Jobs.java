package io.supplygraph.analysis.jobs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Overview;
import io.supplygraph.store.sql.JobSql;
import io.supplygraph.store.sql.JobSql.JobRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Work the server does after answering its request with 202: a batch upload, an advisory import, an OSV sync. A
 * job lives in the database, so that any server on it can say how the job went.
 */
public final class Jobs {

    public enum Kind {
        DOCUMENTS,
        ADVISORIES,
        SYNC,
        /** Matching advisories stored by an import, for a chunk of their match keys. */
        REMATCH;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A job as its URL shows it; {@code result} (JSON) once it is done or failed; {@code started} and {@code worker}
     * once a worker of a queue took it ({@code serve --queue}; a server that runs its own jobs leaves them null).
     */
    public record Job(String id, Kind kind, State state, String source, String created, String started,
            String worker, String finished, @JsonRawValue String result) {}

    private final JobSql jobs;

    public Jobs(JobSql jobs) {
        this.jobs = jobs;
    }

    /** Records a new job, queued; its id is a random UUID, so that job URLs cannot be guessed from each other. */
    public Job create(Kind kind, String source) {
        String id = UUID.randomUUID().toString();
        String created = Instant.now().toString();
        jobs.insert(id, kind.label(), State.QUEUED.label(), source, created);
        return new Job(id, kind, State.QUEUED, source, created, null, null, null, null);
    }

    public void running(String id) {
        jobs.update(id, State.RUNNING.label(), null, null);
    }

    /** A worker took the job: it runs from now on. */
    public void takenBy(String id, String worker) {
        jobs.taken(id, State.RUNNING.label(), Instant.now().toString(), worker);
    }

    public void finished(String id, State state, String resultJson) {
        jobs.update(id, state.label(), Instant.now().toString(), resultJson);
    }

    public Job get(String id) {
        return jobs.byId(id).map(Jobs::job).orElseThrow(() -> new NotFoundException("no job has the id " + id));
    }

    /** Jobs queued or running, oldest first. */
    public List<Job> unfinished() {
        return jobs.unfinished().stream().map(Jobs::job).toList();
    }

    /**
     * The documents that uploads rejected, newest first, at most {@code limit}, from the results of the jobs that
     * finished last (a job's result lists each of its documents with its status).
     */
    public List<Overview.Rejection> recentRejections(int limit) {
        List<Overview.Rejection> rejections = new ArrayList<>();
        for (JobRow row : jobs.recentlyFinished(limit)) {
            if (row.result() == null || rejections.size() >= limit) {
                continue;
            }
            for (JsonNode document : readResult(row).path("documents")) {
                if (document.path("status").asText().equals(IngestOutcome.Status.REJECTED.label())
                        && rejections.size() < limit) {
                    rejections.add(new Overview.Rejection(document.path("source").asText(),
                            document.path("reason").asText(), row.finishedAt(), row.id()));
                }
            }
        }
        return rejections;
    }

    private static JsonNode readResult(JobRow row) {
        try {
            return Json.mapper().readTree(row.result());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored result of job " + row.id() + " is not JSON", e);
        }
    }

    private static Job job(JobRow row) {
        return new Job(row.id(), Kind.valueOf(row.kind().toUpperCase(Locale.ROOT)), State.of(row.state()),
                row.source(), row.createdAt(), row.startedAt(), row.worker(), row.finishedAt(), row.result());
    }
}
