package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vulns.AdvisoryImport;
import io.supplygraph.cli.output.Output;
import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.osv.OsvSync;
import io.supplygraph.server.queue.JobQueue;
import io.supplygraph.server.queue.RematchJobs;
import io.supplygraph.server.queue.Worker;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "osv", mixinStandardHelpOptions = true,
        description = "OSV advisories: 'osv import' reads files, folders and zips; 'osv sync' downloads OSV's exports.",
        subcommands = {OsvCommand.Import.class, OsvCommand.Sync.class})
final class OsvCommand implements Runnable {

    /** What {@code --queue} does, in import's and sync's help. */
    static final String QUEUED = "With --queue (a PostgreSQL graph), the advisories are stored and their matching is"
            + " queued as re-match jobs of " + RematchJobs.KEYS_PER_JOB + " match keys each, for 'supplygraph"
            + " worker's to run.";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What import and sync share: the store, --json, progress, and the summary line. */
    abstract static class Importing implements Callable<Integer> {

        @Mixin
        StoreOption store;

        @Option(names = "--json", description = "Print a JSON summary instead of lines.")
        boolean json;

        @Option(names = "--no-progress", description = "No progress line on stderr, even on a terminal.")
        boolean noProgress;

        @Spec
        CommandSpec spec;

        /** Imports the sources, counting the findings that came and went; CVE records in {@link CveCommand}. */
        AdvisoryImport importInto(Supplygraph graph, List<String> sources, IngestListener listener) {
            return graph.importAdvisoriesCountingFindings(sources, System.in, listener);
        }

        /** The command, for messages. */
        String command() {
            return "osv import";
        }

        /** What one record is, in the plural, for the summary line. */
        String records() {
            return "advisories";
        }

        /** The format records are in, for the summary line. */
        String format() {
            return "OSV";
        }

        /** {@code import}: the paths imported and reported; exit 1 when any record was rejected or the store failed. */
        Integer importPaths(List<String> paths) {
            List<Map<String, Object>> summaries = new ArrayList<>();
            try (Supplygraph graph = store.openOrCreate()) {
                IngestSummary summary = importAndReport(graph, paths, summaries);
                if (json) {
                    Output.json(spec.commandLine().getOut(), summaries);
                }
                return summary.allAccepted() ? 0 : 1;
            }
        }

        /** Imports and reports: a line per rejection, and the counts on stderr, or as a row of {@code summaries}. */
        IngestSummary importAndReport(Supplygraph graph, List<String> sources, List<Map<String, Object>> summaries) {
            PrintWriter err = spec.commandLine().getErr();
            boolean progress = !noProgress && !json && System.console() != null;
            OutOfMemory.whileIngesting(sources);
            AdvisoryImport imported = importInto(graph, sources, new IngestListener() {
                private int seen;

                @Override
                public void stored(String source, DocumentRecord record) {
                    advance();
                }

                @Override
                public void alreadyStored(String source, String digest) {
                    advance();
                }

                private void advance() {
                    if (progress && ++seen % 1000 == 0) {
                        err.printf("\r%,d records ", seen);
                        err.flush();
                    }
                }

                @Override
                public void rejected(String source, String reason) {
                    err.printf("%srejected  %s: %s%n", progress ? "\r\033[K" : "", source, reason);
                    err.flush();
                }
            });
            IngestSummary summary = imported.summary();
            if (progress) {
                err.print("\r\033[K");
            }
            // The fields before not_attempted are a contract that scripts read; new ones go after them.
            summaries.add(row("sources", sources, "imported", summary.stored(), "already_imported",
                    summary.alreadyStored(), "skipped", summary.skipped(), "rejected", summary.rejected(),
                    "not_attempted", summary.notAttempted().size(), "store_failure", summary.storeFailure(),
                    "findings_added", imported.findingsAdded(), "findings_retracted", imported.findingsRetracted()));
            StoreReport.reason(err, command(), summary);
            if (!json) {
                err.printf("%d %s imported, %d already imported, %d files skipped (not %s), %d rejected%s%s%n",
                        summary.stored(), records(), summary.alreadyStored(), summary.skipped(), format(),
                        summary.rejected(), StoreReport.notAttemptedCount(summary), StoreReport.retries(summary));
                err.printf("%d findings added, %d retracted%n", imported.findingsAdded(), imported.findingsRetracted());
            }
            StoreReport.notAttempted(err, summary, "import");
            err.flush();
            return summary;
        }
    }

    /**
     * What OSV's import and sync add to CVE's: {@code --queue}, which leaves matching to the queue's workers in
     * re-match jobs, split by match key, published once the advisories are committed.
     */
    abstract static class ImportingOsv extends Importing {

        @Mixin
        QueueOption queue;

        @Override
        AdvisoryImport importInto(Supplygraph graph, List<String> sources, IngestListener listener) {
            if (!queue.given()) {
                return super.importInto(graph, sources, listener);
            }
            Worker.requireSharedDatabase(graph.location());
            try (JobQueue jobs = JobQueue.connect(queue.options(), "supplygraph " + command())) {
                AdvisoryImport imported = graph.importAdvisoriesForRematch(sources, System.in, listener);
                publish(graph, jobs, sources);
                return imported;
            }
        }

        /**
         * The re-match jobs of every key that waits without one (this import's, and any an earlier importer left when
         * it died), or the matching itself when the queue does not take them.
         */
        private void publish(Supplygraph graph, JobQueue jobs, List<String> sources) {
            PrintWriter err = spec.commandLine().getErr();
            RematchJobs.Published published = RematchJobs.publishOrMatchHere(graph, () -> jobs,
                    command() + " " + String.join(" ", sources), reason -> err.printf(
                            "the queue did not take the re-match jobs (%s): matching here instead%n", reason));
            if (!json && !published.matchedHere()) {
                err.printf("%d match keys queued for re-matching in %d jobs%n", published.keys(),
                        published.jobs().size());
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import OSV records: JSON or YAML files, folders (recursively), zip archives such as OSV's"
                    + " <Ecosystem>/all.zip, - for stdin.",
                    "Incremental: the same bytes twice are a no-op; a record replaces the stored one of its id unless"
                            + " that one is newer by 'modified'; a withdrawn record retracts its findings.",
                    QUEUED,
                    "Exit code 0 when every record was read, 1 when any was rejected or the store failed."})
    static final class Import extends ImportingOsv {

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders, zip archives, or -.")
        List<String> paths;

        @Override
        public Integer call() {
            return importPaths(paths);
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Download OSV's bulk exports (<base-url>/<Ecosystem>/all.zip) into a cache and import them.",
                    "A broken-off download resumes; an export the server says is unchanged is not downloaded or"
                            + " imported again, unless the store failed during its last import.",
                    "Exit code 0 when every record was read, 1 when any was rejected or the store failed (which stops"
                            + " the sync).", QUEUED})
    static final class Sync extends ImportingOsv {

        static final String URL_ENVIRONMENT = "SUPPLYGRAPH_OSV_URL";

        @Option(names = "--ecosystem", paramLabel = "E",
                description = "An OSV ecosystem as the export names it (PyPI, npm, Maven, Debian, ...); repeatable."
                        + " Default: every ecosystem in <base-url>/ecosystems.txt.")
        List<String> ecosystems = new ArrayList<>();

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Where the exports are. Default: $" + URL_ENVIRONMENT + ", else " + "${DEFAULT-VALUE}.")
        String baseUrl;

        @Option(names = "--cache", paramLabel = "DIR", description = "Download cache. Default: ~/.supplygraph/osv.")
        Path cache = Supplygraph.DEFAULT_DATABASE.resolveSibling("osv");

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            OsvSync sync = new OsvSync(base(), cache);
            boolean progress = !noProgress && !json && System.console() != null;
            List<Map<String, Object>> summaries = new ArrayList<>();
            List<OsvSync.Synced> synced;
            try (Supplygraph graph = store.openOrCreate()) {
                synced = sync.sync(ecosystems, (e, done, total) -> {
                    if (progress) {
                        err.printf("\r%s  %.1f MB%s ", e, done / 1e6, total < 0 ? "" : " of %.1f MB".formatted(total / 1e6));
                        err.flush();
                    }
                }, new OsvSync.Importer() {
                    @Override
                    public void current(OsvSync.Fetched fetched) {
                        clearProgress();
                        if (!json) {
                            err.printf("%s: unchanged since the last sync%n", fetched.ecosystem());
                        }
                        summaries.add(row("ecosystem", fetched.ecosystem(), "downloaded", false));
                    }

                    @Override
                    public IngestSummary importExport(OsvSync.Fetched fetched) {
                        clearProgress();
                        if (!json) {
                            err.printf(fetched.changed() ? "%s: downloaded%s%n"
                                    : "%s: unchanged, importing what the last sync did not store%s%n",
                                    fetched.ecosystem(), fetched.resumed() ? " (resumed)" : "");
                        }
                        IngestSummary summary = importAndReport(graph, List.of(fetched.zip().toString()), summaries);
                        summaries.get(summaries.size() - 1).put("ecosystem", fetched.ecosystem());
                        return summary;
                    }

                    private void clearProgress() {
                        if (progress) {
                            err.print("\r\033[K");
                        }
                    }
                });
            }
            int exit = synced.stream().anyMatch(s -> s.summary() != null && !s.summary().allAccepted()) ? 1 : 0;
            if (json) {
                Output.json(spec.commandLine().getOut(), summaries);
            }
            err.flush();
            return exit;
        }

        private URI base() {
            return BaseUrl.of(baseUrl, URL_ENVIRONMENT, OsvSync.DEFAULT_BASE);
        }
    }
}
