package io.supplygraph.server;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.server.queue.Worker;
import java.time.Duration;

/** A worker on a thread of the test's JVM, for tests that need no process of its own; closing stops it. */
final class ThreadWorker implements AutoCloseable {

    private final Supplygraph graph;
    private final JobQueue queue;
    private final Worker worker;
    private final Thread thread;

    ThreadWorker(String database, QueueOptions options, String name) {
        this.graph = Supplygraph.open(database);
        this.queue = JobQueue.connect(options, name);
        this.worker = new Worker(queue, graph, name);
        this.thread = new Thread(worker::run, name);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        worker.stop(Duration.ofMinutes(1));
        thread.join();
        worker.close();
        queue.close();
        graph.close();
    }
}
