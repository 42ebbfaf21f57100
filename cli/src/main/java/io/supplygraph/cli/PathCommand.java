package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Hop;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "path", mixinStandardHelpOptions = true,
        description = {"A shortest path between two nodes (package versions, artifacts, documents), with the kind of"
                + " each edge, printed from FROM to TO: '-edge->' where the edge points along the path, '<-edge-'"
                + " where it points back (minimist <-depends-on- app: app depends on minimist).",
                "Exit code 1 when they are not connected."})
final class PathCommand extends QueryCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "A purl, a package name, or a sha256:<hex> digest.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "A purl, a package name, or a sha256:<hex> digest.")
    String to;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Hop> hops = graph.path(from, to);
        if (hops.isEmpty()) {
            graph.requirePackage(from);
            graph.requirePackage(to);
        }
        if (json) {
            Output.json(out, hops);
        } else if (!hops.isEmpty()) {
            printFromTo(out, hops, from);
        }
        if (hops.isEmpty()) {
            note("no path between " + from + " and " + to);
            return 1;
        }
        return 0;
    }

    /**
     * The hops keep the direction the graph states each edge in (their JSON says so); a person reads the path from
     * FROM on, so each edge is shown along it or against it.
     */
    static void printFromTo(PrintWriter out, List<Hop> hops, String from) {
        String at = start(hops, from);
        out.println(at);
        for (Hop hop : hops) {
            if (hop.from().equals(at)) {
                out.println("  -" + hop.edge() + "->  " + hop.to());
                at = hop.to();
            } else {
                out.println("  <-" + hop.edge() + "-  " + hop.from());
                at = hop.from();
            }
        }
        out.flush();
    }

    /** The end of the first hop that the second does not share; of a lone hop, the end that FROM names. */
    private static String start(List<Hop> hops, String from) {
        Hop first = hops.get(0);
        if (hops.size() > 1) {
            Hop second = hops.get(1);
            boolean fromShared = first.from().equals(second.from()) || first.from().equals(second.to());
            return fromShared ? first.to() : first.from();
        }
        return names(first.to(), from) && !names(first.from(), from) ? first.to() : first.from();
    }

    /** Whether a node's name is what the user typed: the same, or that purl with more (a version, qualifiers). */
    private static boolean names(String node, String typed) {
        String t = typed.strip();
        return node.equals(t) || node.startsWith(t) || node.endsWith(t) || node.contains("/" + t + "@");
    }
}
