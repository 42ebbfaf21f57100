package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Build;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "provenance", mixinStandardHelpOptions = true,
        description = "How a package version or an artifact was built, by which builder, from which source, and"
                + " who vouches for it (SLSA provenance, found through artifact digests across documents); by subject.")
final class ProvenanceCommand extends ListCommand {

    @Parameters(paramLabel = "PURL|DIGEST",
            description = "A purl (its artifacts' digests are followed) or an artifact's sha256:<hex> digest.")
    String target;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Build> builds = graph.provenance(target);
        if (builds.isEmpty()) {
            graph.requirePackage(target);
        }
        print(out, page(builds), "subject", "builder", "source", "revision", "level", "trust", "document");
        note(builds.isEmpty() ? "no provenance found for " + target : builds.size() + " builds");
        return 0;
    }
}
