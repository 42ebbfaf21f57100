package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.VulnReport;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "vuln", mixinStandardHelpOptions = true,
        description = {"One vulnerability by any of its ids (CVE, GHSA, PYSEC, GO, RUSTSEC, MAL, ...): its advisories,"
                + " the package versions it affects, and its blast radius: every application containing one, with a"
                + " path.",
                "--json prints an array with one object: id, advisories, findings, applications."})
final class VulnCommand extends QueryCommand {

    @Parameters(paramLabel = "ID", description = "An advisory id or alias.")
    String id;

    @Mixin
    LatestOption releases;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        VulnReport report = graph.vuln(id, releases.latest);
        if (json) {
            Output.json(out, List.of(report));
            return 0;
        }
        print(out, report.advisories(), "id", "severity", "score", "modified", "withdrawn", "summary");
        out.println();
        print(out, report.findings(), Column.of("purl"), Column.of("status"), VulnsCommand.FIXED, Column.of("range"));
        out.println();
        print(out, report.applications(), "subject", "version", "path");
        note(report.findings().size() + " package versions, "
                + ReleaseCounts.of(report.applications(), Application::application, Application::documents));
        return 0;
    }
}
