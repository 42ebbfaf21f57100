package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vulns.Vulns;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "malicious", mixinStandardHelpOptions = true,
        description = {"Every malicious package version present (OSV MAL- records, the OpenSSF malicious-packages"
                + " data), with each application that contains it and a path down to it.",
                "--json prints one object per package version: purl, id, aliases, applications."})
final class MaliciousCommand extends QueryCommand {

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Vulns.Malicious> found = graph.malicious();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Vulns.Malicious m : found) {
            var applications = m.applications().stream()
                    .map(a -> row("document", a.document(), "subject", a.subject(), "path", a.path())).toList();
            if (json) {
                rows.add(row("purl", m.finding().purl(), "id", m.finding().id(), "aliases", m.finding().aliases(),
                        "applications", applications));
            } else {
                applications.forEach(a -> rows.add(row("purl", m.finding().purl(), "id", m.finding().id(),
                        "subject", a.get("subject"), "path", a.get("path"))));
            }
        }
        print(out, rows, List.of("purl", "id", "subject", "path"));
        note(found.size() + " malicious package versions");
        return 0;
    }
}
