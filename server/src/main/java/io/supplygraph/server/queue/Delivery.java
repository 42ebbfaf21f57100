package io.supplygraph.server.queue;

import io.nats.client.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** A job as one worker received it, until it acknowledges, gives back or dead-letters it. */
public final class Delivery {

    private final JobQueue queue;
    private final Message message;

    Delivery(JobQueue queue, Message message) {
        this.queue = queue;
        this.message = message;
    }

    /** The job; an {@link IOException} when the message is not one (it fails every attempt, then dead-letters). */
    public QueuedJob job() throws IOException {
        return queue.read(message);
    }

    /** Which delivery of this job this is: 1 the first time, more after failed attempts or dead workers. */
    public int attempt() {
        return (int) message.metaData().deliveredCount();
    }

    /** Tells NATS the worker still holds the job: the ack wait starts again. */
    public void stillWorking() {
        message.inProgress();
    }

    public void download(QueuedJob.Document document, Path target) throws IOException {
        queue.download(document, target);
    }

    /** Done: NATS removes the job; its documents are then removed from the object store by {@code cleaner}. */
    public void acknowledge(QueuedJob job, java.util.concurrent.Executor cleaner) {
        queue.acknowledge(message);
        cleaner.execute(() -> queue.forget(job));
    }

    /** Gives the job back for another attempt after {@code delay}, on any worker. */
    public void giveBack(Duration delay) {
        message.nakWithDelay(delay);
    }

    /** Moves the job to the dead letters with {@code reason}, and removes it from the work queue. */
    public void deadLetter(String jobId, String kind, String reason) {
        queue.deadLetter(message, jobId, kind, attempt(), reason);
        queue.acknowledge(message);
    }
}
