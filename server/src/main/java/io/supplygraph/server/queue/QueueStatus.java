package io.supplygraph.server.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supplygraph.analysis.vulns.RematchBacklog;
import java.util.List;

/**
 * The queue at a glance: what {@code queue status} shows.
 *
 * @param pending     jobs no worker has taken yet
 * @param inProgress  jobs a worker holds and has not acknowledged
 * @param redelivered jobs delivered again (their worker died or gave up on an attempt), of those still held
 * @param failed      jobs in the dead-letter stream
 * @param deadLetters the dead-lettered jobs, oldest first (at most {@link JobQueue#DEAD_LETTERS_SHOWN})
 * @param rematch     the match keys that wait in the graph for re-matching; only when the graph was asked
 */
public record QueueStatus(String queue, long pending, long inProgress, long redelivered, long failed,
        List<DeadLetter> deadLetters, List<WorkerStatus> workers,
        @JsonInclude(JsonInclude.Include.NON_NULL) RematchBacklog rematch) {

    /** This status with what the graph says of re-matching. */
    public QueueStatus withRematch(RematchBacklog backlog) {
        return new QueueStatus(queue, pending, inProgress, redelivered, failed, deadLetters, workers, backlog);
    }
}
