package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.policy.CompiledPolicy;
import io.supplygraph.analysis.policy.PolicyCheck;
import io.supplygraph.analysis.policy.PolicyFile;
import io.supplygraph.analysis.view.PolicyAction;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.view.PolicyReport.RuleOutcome;
import io.supplygraph.analysis.view.Violation;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks SBOMs against a policy: named CEL rules over findings, packages, documents,"
                + " provenance and Scorecards (see \"Policies\" in the README), with waivers. Prints the violations"
                + " grouped by rule.",
                "Exit codes: 0 when no fail rule is violated (warnings and waived violations do not count), 1 when"
                        + " one is, 2 when the policy cannot be read or a rule does not compile (the message names"
                        + " the file, the rule's line and name)."})
final class CheckCommand extends QueryCommand {

    static final List<Column> COLUMNS = List.of(Column.of("subject"), Column.purl("purl"),
            Column.of("finding").atLeast(19), Column.of("severity"), Column.of("waiver").each("reason"));
    static final List<Column> CSV_COLUMNS = List.of(Column.of("rule"), Column.of("action"), Column.of("document"),
            Column.of("subject"), Column.of("purl"), Column.of("finding"), Column.of("severity"),
            Column.of("waiver").each("reason").titled("waiver"), Column.of("message"));

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy (YAML).")
    Path policy;

    @ArgGroup(exclusive = true)
    ReportScope scope = new ReportScope();

    /** {@code --format}: {@link QueryCommand#format} reads it. */
    @Mixin
    FormatOption formats;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        CompiledPolicy compiled = CompiledPolicy.compile(PolicyFile.read(policy));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PolicyReport report = graph.check(compiled, new PolicyCheck.Scope(scope.document, scope.application), today);
        switch (format()) {
            case JSON -> Output.json(out, report);
            case CSV -> Output.csv(out, report.violations(), CSV_COLUMNS);
            case SARIF -> Output.json(out, new ViolationsSarif(graph).of(report).log());
            default -> table(out, report);
        }
        explain(report);
        return report.failed() ? Main.EXIT_FAILURE : 0;
    }

    /** Each violated rule: a line that names it, then its violations. */
    private void table(PrintWriter out, PolicyReport report) {
        boolean first = true;
        for (RuleOutcome rule : report.rules()) {
            if (rule.violations().isEmpty()) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            long waived = rule.violations().stream().filter(v -> !v.standing()).count();
            out.println(rule.name() + " (" + rule.action().label() + "): " + rule.message() + " - "
                    + rule.violations().size() + " violation" + (rule.violations().size() == 1 ? "" : "s")
                    + (waived > 0 ? ", " + waived + " waived" : ""));
            Output.table(out, rule.violations(), COLUMNS, fit());
        }
        if (first) {
            out.println("no violations: " + report.rules().size() + " rules, " + report.documents() + " SBOMs");
        }
        out.flush();
    }

    /** On stderr: expired waivers, rules whose evaluations failed, and the verdict. */
    private void explain(PolicyReport report) {
        PrintWriter err = spec.commandLine().getErr();
        report.violations().stream().map(Violation::waiver).filter(w -> w != null && w.expired()).distinct()
                .forEach(w -> err.println("the waiver for " + w.match() + " expired on " + w.expires()
                        + " and no longer waives (" + w.reason() + ")"));
        for (RuleOutcome rule : report.rules()) {
            if (rule.errors() > 0) {
                err.println("rule '" + rule.name() + "' (line " + rule.line() + "): " + rule.errors() + " of "
                        + rule.evaluated() + " evaluations failed and count as not violated; the first: "
                        + rule.firstError());
            }
        }
        long failing = count(report, PolicyAction.FAIL);
        long warnings = count(report, PolicyAction.WARN);
        err.println(report.documents() + " SBOMs checked: " + failing + " violations of fail rules, " + warnings
                + " warnings" + (report.failed() ? "" : "; passed"));
        err.flush();
    }

    private static long count(PolicyReport report, PolicyAction action) {
        return report.violations().stream().filter(v -> v.action() == action && v.standing()).count();
    }
}
