package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.ingest.download.Feed;
import io.supplygraph.ingest.epss.EpssCsvReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "epss", mixinStandardHelpOptions = true,
        description = "FIRST's EPSS scores: 'epss import' reads the daily CSV (gzipped or not), 'epss sync' downloads"
                + " the current one. Each replaces the stored scores; findings show them through their CVE aliases.",
        subcommands = {EpssCommand.Import.class, EpssCommand.Sync.class})
final class EpssCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final ExploitFeedCommands.Reader READER = Supplygraph::importEpss;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import epss_scores-YYYY-MM-DD.csv[.gz] (or - for stdin), replacing the stored scores.")
    static final class Import extends ExploitFeedCommands.Import {
        @Override
        ExploitFeedCommands.Reader reader() {
            return READER;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Download the day's scores (<base-url>/epss_scores-current.csv.gz; default base"
                    + " https://epss.empiricalsecurity.com/, or $SUPPLYGRAPH_EPSS_URL) and import them.",
                    "A broken-off download resumes; a file the server says is unchanged is not imported again."})
    static final class Sync extends ExploitFeedCommands.Sync {
        @Override
        ExploitFeedCommands.Reader reader() {
            return READER;
        }

        @Override
        Feed feed() {
            return EpssCsvReader.FEED;
        }

        @Override
        String environment() {
            return "SUPPLYGRAPH_EPSS_URL";
        }
    }
}
