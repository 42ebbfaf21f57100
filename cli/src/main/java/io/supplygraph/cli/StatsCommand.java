package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts of what the graph holds.")
final class StatsCommand extends QueryCommand {

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        print(out, List.of(graph.stats()), "documents", "packages", "versions", "edges", "artifacts", "components");
        return 0;
    }
}
