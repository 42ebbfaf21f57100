package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Application;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "dependents", mixinStandardHelpOptions = true,
        description = {"The blast radius: every release of an application that contains the package, directly or"
                + " transitively, nested SBOMs included, with a shortest path down to it; by subject. Regenerated SBOMs"
                + " of one release are one row, listing their documents (--json: documents).",
                "With a version, that version; without, any version."})
final class DependentsCommand extends ListCommand {

    @Parameters(paramLabel = "PURL", description = "pkg:type/namespace/name[@version], or a bare package name.")
    String purl;

    @Mixin
    LatestOption releases;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        var applications = graph.dependents(purl, releases.latest);
        if (applications.isEmpty()) {
            graph.requirePackage(purl);
        }
        print(out, page(applications), "subject", "version", "path");
        note(ReleaseCounts.of(applications, Application::application, Application::documents) + " contain " + purl);
        return 0;
    }
}
