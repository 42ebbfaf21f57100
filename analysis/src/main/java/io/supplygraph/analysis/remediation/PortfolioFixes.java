package io.supplygraph.analysis.remediation;

import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.analysis.vulns.RiskScore;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.store.GraphStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The portfolio's upgrades, ranked by the risk each removes everywhere: one row per package version (its purl's
 * qualifiers aside) with its target, the applications containing it, and {@code risk} = applications × the summed
 * risk of what it removes. Built from the portfolio's findings as {@code vulns} lists them (VEX applied), so each
 * package version's target is computed once whatever the number of applications.
 */
public final class PortfolioFixes {

    private static final Comparator<PortfolioUpgrade> ORDER = Comparator
            .comparing((PortfolioUpgrade u) -> u.action() != io.supplygraph.analysis.view.FixAction.REMOVE)
            .thenComparing(PortfolioUpgrade::risk, Comparator.reverseOrder())
            .thenComparing(PortfolioUpgrade::packagePurl).thenComparing(PortfolioUpgrade::current);

    private final GraphStore store;

    public PortfolioFixes(GraphStore store) {
        this.store = store;
    }

    public List<PortfolioUpgrade> ranked() {
        Vulns.Portfolio portfolio = new Vulns(store).portfolio();
        Map<String, List<Finding>> byPurl = new LinkedHashMap<>();
        for (Finding f : portfolio.findings()) {
            byPurl.computeIfAbsent(f.purl(), p -> new ArrayList<>()).add(f);
        }
        Map<String, PackageFixes.Fix> fixes = PackageFixes.of(store, byPurl.keySet());
        Set<String> direct = portfolio.declaredDirectly();
        // Purls that differ only in qualifiers are one package version: one row, their applications merged.
        Map<String, List<Finding>> byVersion = new LinkedHashMap<>();
        Map<String, Set<String>> applications = new HashMap<>();
        Map<String, Boolean> directByVersion = new HashMap<>();
        Map<String, String> representative = new HashMap<>();
        byPurl.forEach((purl, findings) -> {
            PackageFixes.Fix fix = fixes.get(purl);
            List<Finding> counted = findings.stream().filter(f -> Planned.counts(f, fix)).toList();
            if (counted.isEmpty()) {
                return;
            }
            String key = fix == null ? purl : fix.packagePurl() + "@" + fix.current();
            representative.putIfAbsent(key, purl);
            List<Finding> merged = byVersion.computeIfAbsent(key, k -> new ArrayList<>());
            Set<String> ids = new HashSet<>();
            merged.forEach(f -> ids.add(f.id()));
            counted.stream().filter(f -> ids.add(f.id())).forEach(merged::add);
            // VEX decides per application: one whose own statements clear every counted finding is not at risk
            Set<String> apps = applications.computeIfAbsent(key, k -> new HashSet<>());
            portfolio.subjectsByPurl().getOrDefault(purl, Set.of()).stream()
                    .filter(subject -> counted.stream().anyMatch(f -> !clearedIn(f, subject)))
                    .forEach(apps::add);
            directByVersion.merge(key, direct.contains(purl), Boolean::logicalOr);
        });
        List<PortfolioUpgrade> upgrades = new ArrayList<>();
        byVersion.forEach((key, findings) -> {
            String purl = representative.get(key);
            Planned p = Planned.of(purl, findings, fixes.get(purl));
            int apps = applications.get(key).size();
            upgrades.add(new PortfolioUpgrade(p.packagePurl(), p.current(), p.target(), p.targetAnyMajor(),
                    p.action(), directByVersion.get(key), p.removes(), p.remaining(), p.noFix(), p.kev(), p.epss(),
                    apps, RiskScore.round(p.risk() * apps)));
        });
        upgrades.sort(ORDER);
        return upgrades;
    }

    /** Whether the application's own VEX statement says it is not affected by the finding. */
    private static boolean clearedIn(Finding finding, String subject) {
        return finding.notAffectedIn() != null && finding.notAffectedIn().stream()
                .anyMatch(c -> subject.equals(String.valueOf(c.subject())));
    }
}
