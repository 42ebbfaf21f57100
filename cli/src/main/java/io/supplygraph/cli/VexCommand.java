package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.VexStatement;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vex", mixinStandardHelpOptions = true,
        description = {"The VEX statements in force (OpenVEX, CSAF, CycloneDX VEX): for each vulnerability, product"
                + " and package, the newest statement; older ones were superseded.",
                "Sorted by vulnerability, package, then product."})
final class VexCommand extends ListCommand {

    @Option(names = "--purl", paramLabel = "PURL",
            description = "Only statements about this package or product (without a version: any version).")
    String purl;

    @Option(names = "--vuln", paramLabel = "ID", description = "Only statements on this vulnerability id or alias.")
    String vulnerability;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<VexStatement> statements = graph.vex(purl, vulnerability);
        print(out, page(statements), "vulnerability", "package", "product", "status", "justification", "timestamp");
        note(statements.size() + " VEX statements in force");
        return 0;
    }
}
