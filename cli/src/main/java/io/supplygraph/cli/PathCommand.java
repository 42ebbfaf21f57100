package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "path", mixinStandardHelpOptions = true,
        description = {"A shortest path between two nodes (package versions, artifacts, documents), with the kind of"
                + " each edge.", "Exit code 1 when they are not connected."})
final class PathCommand extends QueryCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "A purl, a package name, or a sha256:<hex> digest.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "A purl, a package name, or a sha256:<hex> digest.")
    String to;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        var hops = graph.path(from, to);
        if (hops.isEmpty()) {
            graph.requirePackage(from);
            graph.requirePackage(to);
        }
        print(out, hops, "from", "edge", "to");
        if (hops.isEmpty()) {
            note("no path between " + from + " and " + to);
            return 1;
        }
        return 0;
    }
}
