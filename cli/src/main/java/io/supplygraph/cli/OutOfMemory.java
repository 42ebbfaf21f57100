package io.supplygraph.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Running out of heap is one line naming the heap and how to raise it, in whichever thread it escapes: the
 * command's own (the ingest's parser), or any other. The ingest's store writer catches its own and reports it as the
 * store's failure, with the summary of what was stored. Nothing can be trusted to go on after an
 * {@link OutOfMemoryError}, so the line is followed by exit 1. {@code SUPPLYGRAPH_DEBUG} adds the stack trace.
 */
final class OutOfMemory {

    /** What the command was doing, for the line; set by a command that knows (ingest names its sources). */
    private static volatile String doing;

    private OutOfMemory() {}

    static void whileIngesting(List<String> sources) {
        doing = "ingesting " + (sources.size() == 1 ? sources.get(0)
                : sources.get(0) + " and " + (sources.size() - 1) + " more");
    }

    /** The handler for every thread's uncaught throwables: the line for running out of memory, the JVM's default otherwise. */
    static Thread.UncaughtExceptionHandler handler(PrintStream err, IntConsumer exit) {
        return (thread, e) -> {
            if (!(e instanceof OutOfMemoryError)) {
                err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(err);
                return;
            }
            try {
                err.println(line(Runtime.getRuntime().maxMemory()));
                if (System.getenv("SUPPLYGRAPH_DEBUG") != null) {
                    e.printStackTrace(err);
                }
                err.flush();
            } finally {
                exit.accept(Main.EXIT_FAILURE);
            }
        };
    }

    static String line(long maxHeapBytes) {
        long megabytes = maxHeapBytes >> 20;
        long suggestedGigabytes = Math.max(2, (2 * megabytes + 1023) / 1024);
        String what = doing;
        return "supplygraph: out of memory" + (what == null ? "" : " while " + what) + " (heap " + megabytes
                + " MB): raise it with SUPPLYGRAPH_JAVA_OPTS=-Xmx" + suggestedGigabytes + "g";
    }
}
