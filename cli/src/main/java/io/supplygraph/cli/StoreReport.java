package io.supplygraph.cli;

import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.StoreRetries;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code ingest} and {@code osv import} print about the store beside their counts: the transactions it retried,
 * and when it failed for good part-way, why and what was not attempted. They share the pipeline that retries and
 * stops, so they tell it the same way; running the same command again stores the rest.
 */
final class StoreReport {

    private StoreReport() {}

    /** The reason in one line, before the summary; nothing when the store did not fail. */
    static void reason(PrintWriter err, String command, IngestSummary summary) {
        if (summary.storeFailure() != null) {
            err.printf("supplygraph %s: the store failed: %s%n", command, summary.storeFailure());
        }
    }

    /** For the summary line: ", N not attempted", or nothing. */
    static String notAttemptedCount(IngestSummary summary) {
        return summary.notAttempted().isEmpty() ? "" : ", " + summary.notAttempted().size() + " not attempted";
    }

    /** For the end of the summary line: "; N transactions retried (...)", or nothing. */
    static String retries(IngestSummary summary) {
        StoreRetries retries = summary.retries();
        return retries.total() == 0 ? "" : String.format("; %d transactions retried (%d deadlocks, %d serialization"
                + " failures, %d lost connections, %d busy)", retries.total(), retries.deadlocks(),
                retries.serializationFailures(), retries.connectionFailures(), retries.busy());
    }

    /** The first names of what was not attempted, after the summary; {@code verb} is what running again does. */
    static void notAttempted(PrintWriter err, IngestSummary summary, String verb) {
        List<String> names = summary.notAttempted();
        if (!names.isEmpty()) {
            err.printf("not attempted: %s%s; run the same command again to %s them%n",
                    String.join(", ", names.subList(0, Math.min(5, names.size()))),
                    names.size() > 5 ? " and " + (names.size() - 5) + " more" : "", verb);
        }
    }
}
