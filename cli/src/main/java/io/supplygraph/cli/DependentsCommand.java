package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "dependents", mixinStandardHelpOptions = true,
        description = {"The blast radius: every application (document subject) that contains the package, directly"
                + " or transitively, nested SBOMs included, with a shortest path down to it; by subject, then"
                + " document.",
                "With a version, that version; without, any version."})
final class DependentsCommand extends ListCommand {

    @Parameters(paramLabel = "PURL", description = "pkg:type/namespace/name[@version], or a bare package name.")
    String purl;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        var applications = graph.dependents(purl);
        if (applications.isEmpty()) {
            graph.requirePackage(purl);
        }
        print(out, page(applications), "subject", "version", "path");
        note(applications.size() + " applications contain " + purl);
        return 0;
    }
}
