package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.analysis.vulns.Vulns.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vulns", mixinStandardHelpOptions = true,
        description = {"Vulnerabilities and malicious packages in the graph: one row per package version and"
                + " vulnerability (advisories that alias each other are one), malicious packages first, then the most"
                + " severe.",
                "Without --all only findings with status affected; --all adds unknown ones (ranges that cannot decide,"
                        + " such as commit ranges)."})
final class VulnsCommand extends QueryCommand {

    static final class Scope {
        @Option(names = "--doc", paramLabel = "DIGEST", description = "Only what this document contains.")
        String document;

        @Option(names = "--purl", paramLabel = "PURL", description = "Only this package (any version without one).")
        String purl;
    }

    @ArgGroup(exclusive = true)
    Scope scope = new Scope();

    @Option(names = "--severity", paramLabel = "LEVEL",
            description = "At least this severity: low, medium, high or critical. Malicious packages always show.")
    String severity;

    @Option(names = "--all", description = "Also findings whose status is not affected (unknown, VEX statuses).")
    boolean all;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Finding> findings = graph.vulns(new Vulns.Query(scope.document, scope.purl, severity, all));
        print(out, findings.stream().map(f -> toRow(f, json)).toList(),
                List.of("kind", "purl", "id", "severity", "score", "fixed", "status", "documents"));
        note(findings.size() + " findings");
        return 0;
    }

    static Map<String, Object> toRow(Finding f, boolean json) {
        Object documents = json
                ? f.documents().stream().map(d -> row("digest", d.digest(), "subject", d.subject())).toList()
                : f.documents().stream().map(Vulns.Container::subject).collect(Collectors.joining(", "));
        return row("purl", f.purl(), "id", f.id(), "aliases", f.aliases(), "severity", f.severity(),
                "score", f.score(), "fixed", json ? f.fixed() : String.join(", ", f.fixed()), "status", f.status(),
                "kind", f.kind(), "range", f.range(), "documents", documents,
                "justification", f.vex() == null ? null : f.vex().justification(),
                "vex_document", f.vex() == null ? null : f.vex().documentDigest());
    }
}
