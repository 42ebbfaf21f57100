package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Fix first: the upgrades that remove the most risk.",
                "--app PURL or --doc DIGEST: one application's plan, one row per vulnerable package version: its"
                        + " target (the lowest version none of its advisories affects, in the same major when one"
                        + " is), whether it is a direct dependency or which one brings it in, what it removes (with"
                        + " KEV and EPSS) and what has no fix. Malicious packages come first, to remove.",
                "--portfolio: the same upgrades across every application, ranked by the risk they remove"
                        + " (applications x the summed risk of their vulnerabilities; see the README).",
                "--manifest FILE (with --app or --doc): a unified diff of the manifest that applies the plan"
                        + " (pom.xml, package.json, requirements.txt or constraints, go.mod); --apply writes it."})
final class FixCommand extends QueryCommand {

    static final class Scope {
        @Option(names = "--app", paramLabel = "PURL", description = "An application, by its subject's purl.")
        String application;

        @Option(names = "--doc", paramLabel = "DIGEST", description = "An application, by one document's digest.")
        String document;

        @Option(names = "--portfolio", description = "Every application: the upgrades ranked across them.")
        boolean portfolio;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope = new Scope();

    @Option(names = "--top", paramLabel = "N", description = "Only the first N upgrades.")
    Integer top;

    @Option(names = "--csv", description = "Print CSV (a header, then one line per upgrade) instead of a table.")
    boolean csv;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Print a unified diff of this manifest that applies the application's plan.")
    java.nio.file.Path manifest;

    @Option(names = "--apply", description = "With --manifest: write the change to the file instead of printing it.")
    boolean apply;

    private static final List<Column> APPLICATION_COLUMNS = List.of(Column.of("action"), Column.of("package"),
            Column.of("current"), Column.of("target"), Column.of("target_any_major"), Column.of("direct"),
            Column.of("via"), Column.of("removes").each("id").joined(" "), Column.of("remaining").joined(" "),
            Column.of("kev"), Column.of("epss"), Column.of("risk"));
    private static final List<Column> PORTFOLIO_COLUMNS = List.of(Column.of("action"), Column.of("package"),
            Column.of("current"), Column.of("target"), Column.of("target_any_major"), Column.of("applications"),
            Column.of("direct"), Column.of("removes").each("id").joined(" "), Column.of("remaining").joined(" "),
            Column.of("kev"), Column.of("epss"), Column.of("risk"));

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        if (top != null && top < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1");
        }
        if (scope.portfolio) {
            if (manifest != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--manifest applies one application's plan: give --app or --doc");
            }
            List<PortfolioUpgrade> upgrades = graph.fixPortfolio();
            show(out, topped(upgrades), PORTFOLIO_COLUMNS);
            note(upgrades.size() + " upgrades across the portfolio");
            return 0;
        }
        List<Upgrade> plan = graph.fix(scope.application != null ? scope.application : scope.document);
        if (manifest != null) {
            return ManifestPatching.run(spec, out, manifest, plan, apply);
        }
        show(out, topped(plan), APPLICATION_COLUMNS);
        note(plan.size() + " package versions to act on");
        return 0;
    }

    private <T> List<T> topped(List<T> all) {
        return top == null || top >= all.size() ? all : all.subList(0, top);
    }

    private void show(PrintWriter out, List<?> views, List<Column> columns) {
        if (csv && !json) {
            Output.csv(out, views, columns);
        } else {
            Output.print(out, json, views, columns);
        }
    }
}
