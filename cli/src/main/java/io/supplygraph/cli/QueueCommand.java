package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Output;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.QueueStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "The job queue of 'serve --queue' and its workers: what waits, what runs, what failed.",
        subcommands = {QueueCommand.Status.class, QueueCommand.Retry.class})
final class QueueCommand {

    /** What both sub-commands share: the queue, {@code --json}, and where output goes. */
    abstract static class OnQueue implements Callable<Integer> {
        @Mixin
        QueueOption queue;

        @Option(names = "--json", description = "Print JSON (stable field names) instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            try (JobQueue jobs = JobQueue.connect(queue.options(), "supplygraph queue")) {
                return run(jobs, spec.commandLine().getOut());
            }
        }

        abstract int run(JobQueue jobs, PrintWriter out);
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Jobs pending (no worker took them yet), in progress, redelivered and failed (in the"
                    + " dead-letter stream, with their reasons), and what each worker last said.",
                    "Exit code 0; 3 when a job has failed, so that a monitoring check can alert on it."})
    static final class Status extends OnQueue {
        static final int EXIT_FAILED_JOBS = 3;

        @Option(names = "--db", paramLabel = "URL",
                description = "Also count, in this graph, the match keys that wait for re-matching: stored by an"
                        + " advisory import, not yet matched by a re-match job.")
        String db;

        @Override
        int run(JobQueue jobs, PrintWriter out) {
            QueueStatus status = jobs.status();
            if (db != null) {
                try (Supplygraph graph = Supplygraph.openExisting(db)) {
                    status = status.withRematch(graph.rematchBacklog());
                }
            }
            if (json) {
                Output.json(out, status);
            } else {
                out.printf("queue %s: %d pending, %d in progress (%d redelivered), %d failed%n", status.queue(),
                        status.pending(), status.inProgress(), status.redelivered(), status.failed());
                if (status.rematch() != null) {
                    out.printf("re-matching: %d match keys in jobs not run yet, %d waiting for a job (an idle worker"
                            + " publishes them)%n", status.rematch().inJobs(), status.rematch().unpublished());
                }
                out.println();
                Output.table(out, status.workers(), List.of(Column.of("name"), Column.of("state"), Column.of("job"),
                        Column.of("done"), Column.of("failed"), Column.of("retries").titled("deadlocks")
                                .each("deadlocks"), Column.of("retries").titled("serialization")
                                .each("serialization_failures"), Column.of("seen")));
                if (!status.deadLetters().isEmpty()) {
                    out.println();
                    Output.table(out, status.deadLetters(), Column.all("job", "kind", "source", "attempts",
                            "reason"));
                }
            }
            out.flush();
            return status.failed() > 0 ? EXIT_FAILED_JOBS : 0;
        }
    }

    /** {@code queue retry --json}: the jobs queued again. */
    record Retried(List<String> jobs) {}

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Queue dead-lettered jobs again, each with all its attempts: every one, or the one named.")
    static final class Retry extends OnQueue {
        @Parameters(paramLabel = "JOB", arity = "0..1", description = "A job id, as 'queue status' lists it.")
        String job;

        @Override
        int run(JobQueue jobs, PrintWriter out) {
            List<String> retried = jobs.retry(Optional.ofNullable(job));
            if (job != null && retried.isEmpty()) {
                throw new IllegalArgumentException("no dead-lettered job has the id " + job);
            }
            if (json) {
                Output.json(out, new Retried(retried));
            } else {
                retried.forEach(out::println);
                spec.commandLine().getErr().println(retried.size() + " job(s) queued again");
            }
            out.flush();
            return 0;
        }
    }
}
