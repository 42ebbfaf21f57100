package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.ingest.download.Feed;
import io.supplygraph.ingest.kev.KevCatalogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "kev", mixinStandardHelpOptions = true,
        description = "CISA's Known Exploited Vulnerabilities catalog: 'kev import' reads the catalog's JSON, 'kev"
                + " sync' downloads it. Each replaces the stored catalog; findings show it through their CVE aliases.",
        subcommands = {KevCommand.Import.class, KevCommand.Sync.class})
final class KevCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final ExploitFeedCommands.Reader READER = Supplygraph::importKev;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import known_exploited_vulnerabilities.json (or - for stdin), replacing the stored catalog.")
    static final class Import extends ExploitFeedCommands.Import {
        @Override
        ExploitFeedCommands.Reader reader() {
            return READER;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Download the catalog (<base-url>/known_exploited_vulnerabilities.json; default base"
                    + " https://www.cisa.gov/sites/default/files/feeds/, or $SUPPLYGRAPH_KEV_URL) and import it.",
                    "A broken-off download resumes; a catalog the server says is unchanged is not imported again."})
    static final class Sync extends ExploitFeedCommands.Sync {
        @Override
        ExploitFeedCommands.Reader reader() {
            return READER;
        }

        @Override
        Feed feed() {
            return KevCatalogReader.FEED;
        }

        @Override
        String environment() {
            return "SUPPLYGRAPH_KEV_URL";
        }
    }
}
