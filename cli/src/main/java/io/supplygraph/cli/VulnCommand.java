package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.cli.output.Output;
import io.supplygraph.store.sql.AdvisorySql.AdvisoryRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "vuln", mixinStandardHelpOptions = true,
        description = {"One vulnerability by any of its ids (CVE, GHSA, PYSEC, GO, RUSTSEC, MAL, ...): its advisories,"
                + " the package versions it affects, and its blast radius: every application containing one, with a"
                + " path.",
                "--json prints an array with one object: id, advisories, findings, applications."})
final class VulnCommand extends QueryCommand {

    @Parameters(paramLabel = "ID", description = "An advisory id or alias.")
    String id;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        Vulns.Report report = graph.vuln(id);
        List<Map<String, Object>> advisories = report.advisories().stream().map(VulnCommand::advisory).toList();
        List<Map<String, Object>> findings = report.findings().stream().map(f -> VulnsCommand.toRow(f, json)).toList();
        List<Map<String, Object>> applications = report.applications().stream()
                .map(a -> row("document", a.document(), "subject", a.subject(), "version", a.version(),
                        "path", a.path()))
                .toList();
        if (json) {
            Output.json(out, List.of(row("id", id, "advisories", advisories, "findings", findings,
                    "applications", applications)));
            return 0;
        }
        Output.table(out, advisories, List.of("id", "severity", "score", "modified", "withdrawn", "summary"));
        out.println();
        Output.table(out, findings, List.of("purl", "status", "fixed", "range"));
        out.println();
        Output.table(out, applications, List.of("subject", "version", "path"));
        note(report.findings().size() + " package versions, " + applications.size() + " applications");
        return 0;
    }

    private static Map<String, Object> advisory(AdvisoryRow a) {
        return row("id", a.osvId(), "aliases", a.aliases(), "kind", a.kind(), "severity", a.rating(),
                "score", a.score(), "severity_source", a.severitySource(), "summary", a.summary(),
                "published", a.published(), "modified", a.modified(), "withdrawn", a.withdrawn());
    }
}
