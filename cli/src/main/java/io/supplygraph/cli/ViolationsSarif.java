package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PolicyAction;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.view.PolicyReport.RuleOutcome;
import io.supplygraph.analysis.view.Violation;
import io.supplygraph.cli.output.Sarif;
import java.util.List;

/**
 * A policy check as SARIF: one rule per policy rule, one result per violation; a waived violation is a result with
 * a suppression (its waiver's reason), which code scanning shows as dismissed.
 */
final class ViolationsSarif {

    private final SbomArtifacts artifacts;

    ViolationsSarif(Supplygraph graph) {
        this.artifacts = new SbomArtifacts(graph);
    }

    Sarif of(PolicyReport report) {
        Sarif sarif = new Sarif(Main.Version.number());
        for (RuleOutcome rule : report.rules()) {
            Sarif.Level level = rule.action() == PolicyAction.FAIL ? Sarif.Level.ERROR : Sarif.Level.WARNING;
            sarif.rule(new Sarif.Rule(rule.name(), rule.message(), rule.message() + " (policy rule '" + rule.name()
                    + "', line " + rule.line() + ", " + rule.action().label() + ")",
                    "Fix what the rule names, or waive it in the policy with a reason and an expiry date.", null, level,
                    null, List.of("policy")));
            for (Violation v : rule.violations()) {
                String waived = v.standing() ? null : v.waiver().reason();
                sarif.result(new Sarif.Result(rule.name(), level, message(v), v.purl(),
                        artifacts.of(v.document()), waived));
            }
        }
        return sarif;
    }

    private static String message(Violation v) {
        return v.message() + ": " + (v.finding() == null ? v.purl() : v.finding() + " in " + v.purl()) + ", in "
                + v.subject();
    }
}
