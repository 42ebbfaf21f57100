package io.supplygraph.server.queue;

import java.util.List;

/**
 * The queue at a glance: what {@code queue status} shows.
 *
 * @param pending     jobs no worker has taken yet
 * @param inProgress  jobs a worker holds and has not acknowledged
 * @param redelivered jobs delivered again (their worker died or gave up on an attempt), of those still held
 * @param failed      jobs in the dead-letter stream
 * @param deadLetters the dead-lettered jobs, oldest first (at most {@link JobQueue#DEAD_LETTERS_SHOWN})
 */
public record QueueStatus(String queue, long pending, long inProgress, long redelivered, long failed,
        List<DeadLetter> deadLetters, List<WorkerStatus> workers) {}
