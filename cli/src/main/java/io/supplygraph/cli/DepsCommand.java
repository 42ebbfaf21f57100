package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deps", mixinStandardHelpOptions = true,
        description = "What a package version depends on, within and across documents.")
final class DepsCommand extends QueryCommand {

    @Parameters(paramLabel = "PURL|DIGEST",
            description = "A purl, a package name, or a document's sha256:<hex> digest (meaning its subject).")
    String target;

    @Option(names = {"-t", "--transitive"}, description = "Follow dependencies of dependencies.")
    boolean transitive;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        var deps = graph.deps(target, transitive);
        print(out, deps.stream()
                        .map(d -> row("purl", d.purl(), "kind", d.kind(), "depth", d.depth(), "parent", d.parent()))
                        .toList(),
                transitive ? List.of("depth", "kind", "purl", "parent") : List.of("kind", "purl"));
        note(deps.size() + " dependencies");
        return 0;
    }
}
