package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.store.sql.VexSql.StatementRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vex", mixinStandardHelpOptions = true,
        description = {"The VEX statements in force (OpenVEX, CSAF, CycloneDX VEX): for each vulnerability, product"
                + " and package, the newest statement; older ones were superseded."})
final class VexCommand extends QueryCommand {

    @Option(names = "--purl", paramLabel = "PURL",
            description = "Only statements about this package or product (without a version: any version).")
    String purl;

    @Option(names = "--vuln", paramLabel = "ID", description = "Only statements on this vulnerability id or alias.")
    String vulnerability;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<StatementRow> statements = graph.vex(purl, vulnerability);
        print(out, statements.stream().map(VexCommand::toRow).toList(),
                List.of("vulnerability", "package", "product", "status", "justification", "timestamp"));
        note(statements.size() + " VEX statements in force");
        return 0;
    }

    private static Map<String, Object> toRow(StatementRow s) {
        return row("vulnerability", s.vulnerability(), "ids", List.copyOf(s.vulnerabilityIds()),
                "package", s.packagePurl(), "product", s.productPurl() != null ? s.productPurl() : s.productLabel(),
                "status", s.status().label(), "justification", s.justification(),
                "impact_statement", s.impactStatement(), "action_statement", s.actionStatement(),
                "timestamp", s.timestamp() == null ? null : s.timestamp().toString(), "document", s.documentDigest());
    }
}
