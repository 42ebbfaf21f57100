package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.cli.output.Column;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deps", mixinStandardHelpOptions = true,
        description = "What a package version depends on, within and across documents; by depth, then purl.")
final class DepsCommand extends ListCommand {

    @Parameters(paramLabel = "PURL|DIGEST",
            description = "A purl, a package name, or a document's sha256:<hex> digest (meaning its subject).")
    String target;

    @Option(names = {"-t", "--transitive"}, description = "Follow dependencies of dependencies.")
    boolean transitive;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        var deps = graph.deps(target, transitive);
        if (deps.isEmpty()) {
            graph.requirePackage(target);
        }
        if (transitive) {
            print(out, page(deps), Column.of("depth"), Column.of("kind"), Column.purl("purl"), Column.purl("parent"));
        } else {
            print(out, page(deps), Column.of("kind"), Column.purl("purl"));
        }
        note(deps.size() + " dependencies");
        return 0;
    }
}
