package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.ingest.epss.EpssCsvReader;
import picocli.CommandLine.Command;

@Command(name = "epss", mixinStandardHelpOptions = true,
        description = "FIRST's EPSS scores: 'epss import' reads the daily CSV (gzipped or not), 'epss sync' downloads"
                + " the current one. Each replaces the stored scores; findings show them through their CVE aliases.",
        subcommands = {EpssCommand.Import.class, EpssCommand.Sync.class})
final class EpssCommand extends ExploitFeedCommands.Group {

    static final ExploitFeedCommands.Source EPSS = new ExploitFeedCommands.Source(Supplygraph::importEpss,
            EpssCsvReader.FEED, "SUPPLYGRAPH_EPSS_URL");

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import epss_scores-YYYY-MM-DD.csv[.gz] (or - for stdin), replacing the stored scores.")
    static final class Import extends ExploitFeedCommands.Import {
        @Override
        ExploitFeedCommands.Source source() {
            return EPSS;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Download the day's scores (<base-url>/epss_scores-current.csv.gz; default base"
                    + " https://epss.empiricalsecurity.com/, or $SUPPLYGRAPH_EPSS_URL) and import them.",
                    "A broken-off download resumes; a file the server says is unchanged is not imported again."})
    static final class Sync extends ExploitFeedCommands.Sync {
        @Override
        ExploitFeedCommands.Source source() {
            return EPSS;
        }
    }
}
