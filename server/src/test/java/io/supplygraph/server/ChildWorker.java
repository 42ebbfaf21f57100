package io.supplygraph.server;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueOptions;
import io.supplygraph.server.queue.Worker;
import java.time.Duration;

/**
 * The main class of a worker in a child JVM, run as {@code supplygraph worker} runs it (that command is in the cli
 * module, which depends on this one). It prints {@link #WORKING} once it takes jobs.
 *
 * <pre>java -cp ... io.supplygraph.server.ChildWorker DATABASE NATS_URL QUEUE_NAME ACK_WAIT_MILLIS NAME</pre>
 */
public final class ChildWorker {

    static final String WORKING = "WORKING";

    private ChildWorker() {}

    public static void main(String[] args) {
        QueueOptions options = QueueOptions.at(args[1]).withName(args[2])
                .withAckWait(Duration.ofMillis(Long.parseLong(args[3])));
        try (Supplygraph graph = Supplygraph.open(args[0]);
                JobQueue queue = JobQueue.connect(options, args[4]);
                Worker worker = new Worker(queue, graph, args[4])) {
            System.out.println(WORKING);
            System.out.flush();
            worker.run();
        }
    }
}
