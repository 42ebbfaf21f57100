package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts of what the graph holds.")
final class StatsCommand extends QueryCommand {

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        var s = graph.stats();
        print(out, List.of(row("documents", s.documents(), "packages", s.packages(), "versions", s.versions(),
                        "edges", s.edges(), "artifacts", s.artifacts(), "components", s.components(),
                        "database", graph.location())),
                List.of("documents", "packages", "versions", "edges", "artifacts", "components"));
        return 0;
    }
}
