package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Malicious;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.cli.output.Sarif;
import io.supplygraph.model.fact.AdvisoryFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Findings and malicious packages as SARIF: one rule per vulnerability id, one result per finding and SBOM that
 * contains its package (with {@code --doc}, one per finding).
 */
final class FindingsSarif {

    /** GitHub's security-severity where only a rating is known: inside the band GitHub maps back to that rating. */
    private static final Map<Severity, Double> RATED = Map.of(Severity.CRITICAL, 9.5, Severity.HIGH, 8.0,
            Severity.MEDIUM, 5.5, Severity.LOW, 2.0, Severity.NONE, 0.0);
    /** Malware is as severe as anything gets. */
    private static final double MALICIOUS = 10.0;

    private final Sarif sarif = new Sarif(Main.Version.number());
    private final SbomArtifacts artifacts;

    FindingsSarif(Supplygraph graph) {
        this.artifacts = new SbomArtifacts(graph);
    }

    FindingsSarif findings(List<Finding> findings) {
        for (Finding f : findings) {
            boolean malicious = f.kind() == AdvisoryFacts.Kind.MALICIOUS;
            Sarif.Level level = malicious ? Sarif.Level.ERROR : Sarif.Level.of(f.severity());
            Double severity = malicious ? Double.valueOf(MALICIOUS) : f.score() != null ? f.score()
                    : RATED.get(f.severity());
            sarif.rule(rule(f.id(), f.aliases(), malicious, f.severity(), level, severity));
            String message = f.purl() + (malicious ? " is a malicious package (" + f.id() + ")"
                    : " is affected by " + f.id() + " (" + f.severity().label()
                            + (f.score() == null ? "" : ", " + f.score()) + ")")
                    + (f.fixed().isEmpty() ? "" : "; fixed in " + String.join(", ", f.fixed()));
            for (Finding.Container c : f.documents()) {
                sarif.result(new Sarif.Result(f.id(), level, message, f.purl(), artifacts.of(c.digest()), null));
            }
        }
        return this;
    }

    FindingsSarif malicious(List<Malicious> found) {
        for (Malicious m : found) {
            sarif.rule(rule(m.id(), m.aliases(), true, null, Sarif.Level.ERROR, MALICIOUS));
            for (Malicious.Application a : m.applications()) {
                sarif.result(new Sarif.Result(m.id(), Sarif.Level.ERROR, m.purl() + " is a malicious package ("
                        + m.id() + "), in " + a.subject() + " by " + String.join(" > ", a.path()), m.purl(),
                        artifacts.of(a.document()), null));
            }
        }
        return this;
    }

    Sarif sarif() {
        return sarif;
    }

    private static Sarif.Rule rule(String id, List<String> aliases, boolean malicious, Severity severity,
            Sarif.Level level, Double securitySeverity) {
        String known = aliases.isEmpty() ? "" : " (also " + String.join(", ", aliases) + ")";
        String full = malicious ? id + known + ": a malicious package, per the OpenSSF malicious-packages data."
                : id + known + ": a known vulnerability, rated " + severity.label() + ".";
        String help = malicious ? "Remove the package: every version the record lists is malware."
                : "Upgrade the package to a version that fixes it (each result names them); supplygraph fix plans"
                        + " the upgrades.";
        List<String> tags = new ArrayList<>(List.of("security", malicious ? "malicious-package" : "vulnerability"));
        return new Sarif.Rule(id, id + known, full, help, "https://osv.dev/vulnerability/" + id, level,
                securitySeverity, tags);
    }
}
