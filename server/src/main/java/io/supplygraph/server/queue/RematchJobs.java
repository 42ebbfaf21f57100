package io.supplygraph.server.queue;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Splits the matching of an advisory import into re-match jobs, one per chunk of its match keys, so that workers
 * match a large advisory update in parallel. Published only after the import committed: a worker must find the
 * advisories it matches. Each job is recorded like an upload's, for {@code GET /api/v1/jobs/{id}}.
 */
public final class RematchJobs {

    /**
     * Keys per job: a job then matches a few thousand package versions at most in one transaction, and an update of
     * all of PyPI's advisories (some 20,000 keys) makes some forty jobs to spread.
     */
    public static final int KEYS_PER_JOB = 500;

    private RematchJobs() {}

    /** Records and publishes a job per chunk of {@code keys}; returns the jobs' ids. */
    public static List<String> publish(Supplygraph graph, JobQueue queue, String source, List<String> keys) {
        List<String> ids = new ArrayList<>();
        for (List<String> chunk : chunks(keys, KEYS_PER_JOB)) {
            Jobs.Job job = graph.jobs().create(Jobs.Kind.REMATCH, source);
            try {
                queue.publishRematch(job, chunk);
            } catch (QueueException e) {
                graph.jobs().finished(job.id(), Jobs.State.FAILED, "{\"reason\":\"the queue did not take the job\"}");
                throw e;
            }
            ids.add(job.id());
        }
        return ids;
    }

    /**
     * Publishes the jobs as {@link #publish} does; when the queue cannot be reached or refuses a job, matches every
     * key here instead, since the advisories are committed and their keys must not be lost with the queue (jobs
     * already taken then find the same findings). Returns the jobs' ids, none when it matched here.
     */
    public static List<String> publishOrMatchHere(Supplygraph graph, Supplier<JobQueue> queue, String source,
            List<String> keys, Consumer<String> matchingHere) {
        try {
            return publish(graph, queue.get(), source, keys);
        } catch (QueueException e) {
            matchingHere.accept(e.getMessage());
            graph.rematch(keys);
            return List.of();
        }
    }

    /** {@code keys} in consecutive chunks of {@code size}, the last one shorter. */
    static List<List<String>> chunks(List<String> keys, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += size) {
            chunks.add(List.copyOf(keys.subList(from, Math.min(keys.size(), from + size))));
        }
        return chunks;
    }
}
