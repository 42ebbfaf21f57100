package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.DriftReport;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Output;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Which versions of a package are in use, by how many applications, and which applications"
                + " are behind the newest version seen.")
final class DriftCommand extends QueryCommand {

    @Parameters(paramLabel = "PURL", description = "A purl without version: pkg:maven/ch.qos.logback/logback-classic")
    String purl;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        DriftReport report = graph.drift(purl);
        if (report.newest() == null) {
            graph.requirePackage(report.packagePurl());
        }
        if (hasVersion(purl)) {
            note("drift compares every version of " + report.packagePurl() + "; the version in " + purl
                    + " is ignored");
        }
        if (json) {
            Output.json(out, List.of(report));
            return 0;
        }
        if (report.newest() == null) {
            out.println("no application contains " + report.packagePurl());
            out.flush();
            return 0;
        }
        print(out, report.versions(), Column.of("version"), Column.of("applications"),
                Column.of("subjects").joined(", "));
        out.println();
        out.println(report.behind().isEmpty() ? "every application uses the newest version, " + report.newest()
                : report.behind().size() + " applications are behind " + report.newest() + ":");
        print(out, report.behind(), "subject", "version", "document");
        return 0;
    }

    private static boolean hasVersion(String purl) {
        try {
            return PackageIdentity.fromPurl(purl).version() != null;
        } catch (InvalidPurlException e) {
            return false; // graph.drift has said why already
        }
    }
}
