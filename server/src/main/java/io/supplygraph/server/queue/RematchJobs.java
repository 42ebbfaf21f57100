package io.supplygraph.server.queue;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.jobs.Jobs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Publishes the match keys that wait in the graph (an advisory import stored them with its advisories) as re-match
 * jobs, a chunk of keys per job, so that workers match a large advisory update in parallel. A key is taken for a job
 * in the transaction that publishes the job, so every waiting key is published once, by whichever importer or idle
 * worker comes first, and a process killed before publishing leaves its keys waiting for the next. Each job is
 * recorded like an upload's, for {@code GET /api/v1/jobs/{id}}.
 */
public final class RematchJobs {

    /**
     * Keys per job: a job then matches a few thousand package versions at most in one transaction, and an update of
     * all of PyPI's advisories (some 20,000 keys) makes some forty jobs to spread.
     */
    public static final int KEYS_PER_JOB = 500;

    /** The jobs published and the match keys they hold together; or, {@code matchedHere}, the keys matched here. */
    public record Published(List<String> jobs, int keys, boolean matchedHere) {}

    private RematchJobs() {}

    /** Publishes a job per chunk of waiting keys until none waits without a job. */
    public static Published publish(Supplygraph graph, JobQueue queue, String source) {
        List<String> ids = new ArrayList<>();
        int keys = 0;
        while (graph.anyRematchUnpublished()) {
            Jobs.Job job = graph.jobs().create(Jobs.Kind.REMATCH, source);
            List<String> taken;
            try {
                taken = graph.claimRematchKeys(job.id(), KEYS_PER_JOB, chunk -> queue.publishRematch(job, chunk));
            } catch (QueueException e) {
                graph.jobs().finished(job.id(), Jobs.State.FAILED, "{\"reason\":\"the queue did not take the job\"}");
                throw e;
            }
            if (taken.isEmpty()) {
                // Another process took the last keys between the look and the claim.
                graph.jobs().finished(job.id(), Jobs.State.DONE, "{\"keys\":0}");
                break;
            }
            ids.add(job.id());
            keys += taken.size();
        }
        return new Published(List.copyOf(ids), keys, false);
    }

    /**
     * Publishes the jobs as {@link #publish} does; when the queue cannot be reached or refuses a job, matches every
     * waiting key here instead, since the advisories are committed and their findings are due (jobs already
     * published then find the same findings).
     */
    public static Published publishOrMatchHere(Supplygraph graph, Supplier<JobQueue> queue, String source,
            Consumer<String> matchingHere) {
        try {
            return publish(graph, queue.get(), source);
        } catch (QueueException e) {
            matchingHere.accept(e.getMessage());
            return new Published(List.of(), graph.rematchUnpublished(KEYS_PER_JOB), true);
        }
    }
}
