package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "packages", mixinStandardHelpOptions = true,
        description = "Package versions in the graph (as purls) and how many documents contain each.")
final class PackagesCommand extends QueryCommand {

    @Option(names = "--name", paramLabel = "TEXT", description = "Only packages whose name contains TEXT (any case).")
    String name;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        print(out, graph.packages(name).stream()
                        .map(p -> row("purl", p.purl(), "name", p.name(), "version", p.version(),
                                "synthetic", p.synthetic(), "documents", p.documents()))
                        .toList(),
                List.of("documents", "purl"));
        return 0;
    }
}
