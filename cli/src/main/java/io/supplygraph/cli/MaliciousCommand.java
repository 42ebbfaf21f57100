package io.supplygraph.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Malicious;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "malicious", mixinStandardHelpOptions = true,
        description = {"Every malicious package version present (OSV MAL- records, the OpenSSF malicious-packages"
                + " data), with each application that contains it and a path down to it.",
                "--json (--format json) prints one object per package version: purl, id, aliases, applications;"
                        + " --format csv one line per package version and application, --format sarif one SARIF"
                        + " result per package version and application."})
final class MaliciousCommand extends ListCommand {

    @Mixin
    LatestOption releases;

    /** {@code --format}: {@link QueryCommand#format} reads it. */
    @Mixin
    FormatOption formats;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Malicious> found = graph.malicious(releases.latest);
        List<Malicious> page = page(found);
        switch (format()) {
            case JSON -> Output.json(out, page);
            case SARIF -> Output.json(out, new FindingsSarif(graph).malicious(page).sarif().log());
            default -> print(out, perApplication(page), "purl", "id", "subject", "path");
        }
        note(found.size() + " malicious package versions");
        return 0;
    }

    /** A table row per application: the package's fields beside the application's. */
    private static List<ObjectNode> perApplication(List<Malicious> found) {
        List<ObjectNode> rows = new ArrayList<>();
        for (Malicious m : found) {
            for (Malicious.Application a : m.applications()) {
                ObjectNode row = (ObjectNode) Json.tree(m);
                row.remove("applications");
                row.setAll((ObjectNode) Json.tree(a));
                rows.add(row);
            }
        }
        return rows;
    }
}
