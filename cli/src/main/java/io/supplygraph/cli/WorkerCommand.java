package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.Worker;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Take upload jobs from the queue that 'supplygraph serve --queue' fills, and ingest them into"
                + " the shared PostgreSQL graph; and the re-match jobs of advisory imports ('osv import --queue'),"
                + " which match them. Run as many as you like, on any machine.",
                "A job is acknowledged only once its documents are committed; a worker that dies leaves it to another"
                        + " after the ack wait. SIGTERM or Ctrl-C: the job in hand is finished first."})
final class WorkerCommand implements Callable<Integer> {

    /** How long a stopping worker lets the job in hand finish. */
    private static final Duration DRAIN = Duration.ofMinutes(2);

    @Mixin
    StoreOption store;

    @Mixin
    QueueOption queue;

    @Option(names = "--name", paramLabel = "NAME",
            description = "How 'queue status' shows this worker (default HOST-PID).")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String workerName = name != null ? name : host() + "-" + ProcessHandle.current().pid();
        try (Supplygraph graph = store.open()) {
            Worker.requireSharedDatabase(graph.location());
            try (JobQueue jobs = JobQueue.connect(queue.options(), "supplygraph worker " + workerName);
                    Worker worker = new Worker(jobs, graph, workerName)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        worker.stop(DRAIN);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "supplygraph-worker-stop"));
                PrintWriter out = spec.commandLine().getOut();
                out.printf("Worker %s takes jobs from %s into %s%n", workerName, jobs.options().location(),
                        graph.location());
                out.flush();
                worker.run();
            }
        }
        return 0;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
