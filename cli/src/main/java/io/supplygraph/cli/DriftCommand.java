package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.graph.Drift;
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
        Drift.Report report = graph.drift(purl);
        if (json) {
            io.supplygraph.cli.output.Output.json(out, List.of(row("package", report.package_(),
                    "newest", report.newest(), "versions", report.versions(), "behind", report.behind())));
            return 0;
        }
        if (report.newest() == null) {
            out.println("no application contains " + report.package_());
            out.flush();
            return 0;
        }
        print(out, report.versions().stream()
                        .map(v -> row("version", v.version(), "applications", v.applications(),
                                "subjects", String.join(", ", v.subjects())))
                        .toList(),
                List.of("version", "applications", "subjects"));
        out.println();
        out.println(report.behind().isEmpty() ? "every application uses the newest version, " + report.newest()
                : report.behind().size() + " applications are behind " + report.newest() + ":");
        print(out, report.behind().stream()
                        .map(b -> row("subject", b.subject(), "version", b.version(), "document", b.document()))
                        .toList(),
                List.of("subject", "version", "document"));
        return 0;
    }
}
