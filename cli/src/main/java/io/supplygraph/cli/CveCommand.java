package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vulns.AdvisoryImport;
import io.supplygraph.cli.output.Output;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.cve.CveSync;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The CVE Program's records (CVE JSON 5.x), for their CVSS: findings whose advisories rate nothing take the rating of
 * their CVE alias. Imported and reported as {@code osv import} does, through the same pipeline.
 */
@Command(name = "cve", mixinStandardHelpOptions = true,
        description = "CVE records: 'cve import' reads files, folders and cvelistV5 zips; 'cve sync' downloads them.",
        subcommands = {CveCommand.Import.class, CveCommand.Sync.class})
final class CveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code osv import}'s reporting, over CVE records. */
    abstract static class ImportingCves extends OsvCommand.Importing {

        /** A CVE record rates findings; it never adds or retracts one. */
        @Override
        AdvisoryImport importInto(Supplygraph graph, List<String> sources, IngestListener listener) {
            return new AdvisoryImport(graph.importCves(sources, System.in, listener), 0, 0);
        }

        @Override
        String command() {
            return "cve import";
        }

        @Override
        String records() {
            return "CVE records";
        }

        @Override
        String format() {
            return "CVE records";
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import CVE records (CVE JSON 5.x): files, folders (recursively), zip archives such as the"
                    + " cvelistV5 releases' (a zip in a zip), - for stdin.",
                    "The CNA's CVSS metric rates the CVE, else CISA's ADP's; the newest CVSS version of them wins."
                            + " A record replaces the stored one of its id unless that one is newer by dateUpdated.",
                    "Exit code 0 when every record was read, 1 when any was rejected or the store failed."})
    static final class Import extends ImportingCves {

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders, zip archives, or -.")
        List<String> paths;

        @Override
        public Integer call() {
            return importPaths(paths);
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Download every CVE record as one zip (<base-url>/main.zip) into a cache and import it.",
                    "A broken-off download resumes; a zip the server says is unchanged is not downloaded or imported"
                            + " again, unless the store failed during its last import.",
                    "Exit code 0 when every record was read, 1 when any was rejected or the store failed."})
    static final class Sync extends ImportingCves {

        static final String URL_ENVIRONMENT = "SUPPLYGRAPH_CVE_URL";

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Where main.zip is. Default: $" + URL_ENVIRONMENT + ", else " + "GitHub's archive of"
                        + " CVEProject/cvelistV5 (" + "https://github.com/CVEProject/cvelistV5/archive/refs/heads/).")
        String baseUrl;

        @Option(names = "--cache", paramLabel = "DIR", description = "Download cache. Default: ~/.supplygraph/cve.")
        Path cache = Supplygraph.DEFAULT_DATABASE.resolveSibling("cve");

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            boolean progress = !noProgress && !json && System.console() != null;
            List<Map<String, Object>> summaries = new ArrayList<>();
            CveSync.Synced synced;
            try (Supplygraph graph = store.openOrCreate()) {
                synced = new CveSync(base(), cache).sync((done, total) -> {
                    if (progress) {
                        err.printf("\rCVE records  %.1f MB%s ", done / 1e6,
                                total < 0 ? "" : " of %.1f MB".formatted(total / 1e6));
                        err.flush();
                    }
                }, zip -> {
                    if (progress) {
                        err.print("\r\033[K");
                    }
                    return importAndReport(graph, List.of(zip.toString()), summaries);
                });
            }
            if (synced.summary() == null && !json) {
                err.println("CVE records: unchanged since the last sync");
            }
            if (json) {
                Output.json(spec.commandLine().getOut(), summaries);
            }
            err.flush();
            return synced.summary() == null || synced.summary().allAccepted() ? 0 : 1;
        }

        private URI base() {
            return BaseUrl.of(baseUrl, URL_ENVIRONMENT, CveSync.DEFAULT_BASE);
        }
    }
}
