package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "packages", mixinStandardHelpOptions = true,
        description = "Package versions in the graph (as purls, sorted) and how many documents contain each.")
final class PackagesCommand extends ListCommand {

    @Option(names = "--name", paramLabel = "TEXT", description = "Only packages whose name contains TEXT (any case).")
    String name;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        print(out, page(graph.packages(name)), "documents", "purl");
        return 0;
    }
}
