package io.supplygraph.server;

import io.supplygraph.server.queue.QueueOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A worker in a child JVM ({@link ChildWorker}), for a test that kills it with SIGKILL. */
final class WorkerProcess implements AutoCloseable {

    final String name;
    private final ChildProcess child;

    private WorkerProcess(String name, ChildProcess child) {
        this.name = name;
        this.child = child;
    }

    /** Starts a worker on {@code database} and {@code queue}; returns once it takes jobs. */
    static WorkerProcess start(String name, String database, QueueOptions queue, Path logs)
            throws IOException, InterruptedException {
        ChildProcess.Started started = ChildProcess.start(name, ChildWorker.class, List.of("-Xmx256m"),
                List.of(database, queue.location(), queue.name(), Long.toString(queue.ackWait().toMillis()), name),
                logs, ChildWorker.WORKING);
        return new WorkerProcess(name, started.child());
    }

    /** SIGKILL: whatever job it holds, it neither finishes nor gives back. */
    void kill() {
        child.kill();
    }

    @Override
    public void close() {
        kill();
    }
}
