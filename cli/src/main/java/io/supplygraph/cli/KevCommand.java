package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.ingest.kev.KevCatalogReader;
import picocli.CommandLine.Command;

@Command(name = "kev", mixinStandardHelpOptions = true,
        description = "CISA's Known Exploited Vulnerabilities catalog: 'kev import' reads the catalog's JSON, 'kev"
                + " sync' downloads it. Each replaces the stored catalog; findings show it through their CVE aliases.",
        subcommands = {KevCommand.Import.class, KevCommand.Sync.class})
final class KevCommand extends ExploitFeedCommands.Group {

    static final ExploitFeedCommands.Source KEV = new ExploitFeedCommands.Source(Supplygraph::importKev,
            KevCatalogReader.FEED, "SUPPLYGRAPH_KEV_URL");

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import known_exploited_vulnerabilities.json (or - for stdin), replacing the stored catalog.")
    static final class Import extends ExploitFeedCommands.Import {
        @Override
        ExploitFeedCommands.Source source() {
            return KEV;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Download the catalog (<base-url>/known_exploited_vulnerabilities.json; default base"
                    + " https://www.cisa.gov/sites/default/files/feeds/, or $SUPPLYGRAPH_KEV_URL) and import it.",
                    "A broken-off download resumes; a catalog the server says is unchanged is not imported again."})
    static final class Sync extends ExploitFeedCommands.Sync {
        @Override
        ExploitFeedCommands.Source source() {
            return KEV;
        }
    }
}
