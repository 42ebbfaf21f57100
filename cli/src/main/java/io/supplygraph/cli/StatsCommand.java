package io.supplygraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.analysis.view.Stats;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts of what the graph holds: documents, packages, versions, edges, artifacts, advisories,"
                + " VEX statements, attestations, scorecards, and the findings 'vulns' lists, by severity.")
final class StatsCommand extends QueryCommand {

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        Stats stats = graph.stats();
        if (json) {
            Output.json(out, List.of(stats));
            return 0;
        }
        // One count a line: a row of twelve columns would not fit a terminal.
        Json.tree(stats).fields().forEachRemaining(field -> out.printf("%-15s %s%n", field.getKey(),
                text(field.getValue())));
        out.flush();
        return 0;
    }

    /** A nested count ({@code findings}) as "1 high, 2 medium": its non-zero members, or 0. */
    private static String text(JsonNode value) {
        if (!value.isObject()) {
            return value.asText();
        }
        List<String> parts = new ArrayList<>();
        value.fields().forEachRemaining(f -> {
            if (f.getValue().asLong() != 0) {
                parts.add(f.getValue().asText() + " " + f.getKey());
            }
        });
        return parts.isEmpty() ? "0" : String.join(", ", parts);
    }
}
