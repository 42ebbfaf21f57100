package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.LicenceReport;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

@Command(name = "licenses", aliases = "licences", mixinStandardHelpOptions = true,
        description = {"The licences of a document's, an application's or (without --doc or --app) the whole"
                + " portfolio's components: how many carry each licence expression and each class (permissive,"
                + " weak_copyleft, strong_copyleft, network_copyleft, proprietary_or_unknown), the components whose"
                + " licence is unknown (not stated, NOASSERTION, NONE, not an SPDX expression, unrecognised), and"
                + " the copyleft components with a path from an application to each.",
                "Expressions are parsed and their ids normalised against the bundled SPDX licence list; an OR counts"
                        + " as its least restrictive choice, an AND as its most restrictive term.",
                "--json prints an array with one object: scope, target, licence_list, components, licences, classes,"
                        + " unknown, copyleft."})
final class LicensesCommand extends QueryCommand {

    @ArgGroup(exclusive = true)
    ReportScope scope = new ReportScope();

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        LicenceReport report = graph.licenceReport(scope.document, scope.application);
        if (json) {
            Output.json(out, List.of(report));
            return 0;
        }
        print(out, report.classes(), "class", "components");
        out.println();
        print(out, report.licences(), "licence", "class", "components");
        if (!report.unknown().isEmpty()) {
            out.println();
            print(out, report.unknown(), "purl", "licence", "reason");
        }
        if (!report.copyleft().isEmpty()) {
            out.println();
            print(out, report.copyleft(), "purl", "licence", "class", "documents", "path");
        }
        note(report.components() + " components, " + report.unknown().size() + " with an unknown licence, "
                + report.copyleft().size() + " copyleft (SPDX licence list " + report.licenceList() + ")");
        return 0;
    }
}
