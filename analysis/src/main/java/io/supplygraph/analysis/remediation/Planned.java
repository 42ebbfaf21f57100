package io.supplygraph.analysis.remediation;

import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.view.FixAction;
import io.supplygraph.analysis.view.NoFixReason;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.analysis.vulns.RiskScore;
import io.supplygraph.model.fact.AdvisoryFacts.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one package version's upgrade does, before it is placed in an application or in the portfolio: its action,
 * target, and the findings it removes and leaves. Findings are named as {@code vulns} names them (one per
 * vulnerability, advisories that alias each other being one); an advisory the target adds is named by its own id.
 */
record Planned(String packagePurl, String current, String target, String targetAnyMajor, FixAction action,
        List<Upgrade.Removed> removes, List<String> remaining, List<Upgrade.Unfixed> noFix, int kev, Double epss,
        double risk) {

    /** Remove first, then the most risk removed, then package and version: the order of every plan. */
    static final Comparator<Planned> ORDER = Comparator.comparing((Planned p) -> p.action() != FixAction.REMOVE)
            .thenComparing(Planned::risk, Comparator.reverseOrder())
            .thenComparing(Planned::packagePurl).thenComparing(Planned::current);

    /**
     * Findings that count: exposed ones (affected, under investigation) and those only commit ranges bound, which
     * the plan lists as having no fixing version; VEX {@code not_affected} and {@code fixed} are no risk.
     */
    static boolean counts(Finding f, PackageFixes.Fix fix) {
        return f.status().stillExposed() || f.status() == FindingStatus.UNKNOWN && fix != null
                && f.ids().stream().anyMatch(id -> fix.commitOnly().getOrDefault(id, false));
    }

    static Planned of(String purl, List<Finding> findings, PackageFixes.Fix fix) {
        boolean malicious = findings.stream().anyMatch(f -> f.kind() == Kind.MALICIOUS);
        String base = fix != null ? fix.packagePurl() : purl.replaceFirst("@.*$", "");
        String current = fix != null ? fix.current() : purl.replaceFirst("^[^@]*@?", "");
        if (malicious || fix == null) {
            // Remove the package: no version of it is safe; or advisories that no ecosystem key can name.
            return malicious
                    ? planned(base, current, null, null, FixAction.REMOVE, findings, List.of(), Map.of())
                    : planned(base, current, null, null, FixAction.NONE, List.of(), ids(findings), unfixed(findings));
        }
        FixingVersions.Choice choice = fix.choice();
        List<Finding> removed = new ArrayList<>();
        List<Finding> left = new ArrayList<>();
        for (Finding f : findings) {
            boolean commitOnly = f.status() == FindingStatus.UNKNOWN;
            boolean stays = commitOnly || choice.target() == null
                    || f.ids().stream().anyMatch(choice.remaining()::contains);
            (stays ? left : removed).add(f);
        }
        Set<String> remaining = new TreeSet<>();
        for (String advisory : choice.target() == null ? Set.<String>of() : choice.remaining()) {
            remaining.add(findings.stream().filter(f -> f.ids().contains(advisory)).map(Finding::id).findFirst()
                    .orElse(advisory));
        }
        Map<String, NoFixReason> reasons = new LinkedHashMap<>();
        for (Finding f : left) {
            NoFixReason reason = f.status() == FindingStatus.UNKNOWN ? NoFixReason.COMMIT_ONLY_RANGES
                    : f.ids().stream().map(choice.unfixed()::get).filter(Objects::nonNull).findFirst()
                            .orElse(NoFixReason.NO_FIX_RELEASED);
            reasons.put(f.id(), reason);
        }
        FixAction action = choice.target() == null ? FixAction.NONE : FixAction.UPGRADE;
        return planned(base, current, choice.target(), choice.targetAnyMajor(), action,
                action == FixAction.NONE ? List.of() : removed, List.copyOf(remaining), reasons);
    }

    private static Planned planned(String base, String current, String target, String anyMajor, FixAction action,
            List<Finding> removed, List<String> remaining, Map<String, NoFixReason> unfixed) {
        List<Upgrade.Removed> removes = removed.stream()
                .sorted(Comparator.comparing((Finding f) -> RiskScore.of(f), Comparator.reverseOrder())
                        .thenComparing(Finding::id))
                .map(f -> new Upgrade.Removed(f.id(), f.aliases(), f.severity(), f.score(), f.kev(), f.epss()))
                .toList();
        int kev = (int) removed.stream().filter(f -> f.kev() != null).count();
        Double epss = removed.stream().filter(f -> f.epss() != null).map(f -> f.epss().probability())
                .max(Double::compare).orElse(null);
        double risk = RiskScore.round(removed.stream().mapToDouble(RiskScore::of).sum());
        List<Upgrade.Unfixed> noFix = unfixed.entrySet().stream().map(e -> new Upgrade.Unfixed(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Upgrade.Unfixed::id)).toList();
        return new Planned(base, current, target, anyMajor, action, removes, remaining, noFix, kev, epss, risk);
    }

    private static List<String> ids(Collection<Finding> findings) {
        return findings.stream().map(Finding::id).sorted().distinct().toList();
    }

    private static Map<String, NoFixReason> unfixed(List<Finding> findings) {
        Map<String, NoFixReason> map = new LinkedHashMap<>();
        findings.forEach(f -> map.put(f.id(), NoFixReason.NO_FIX_RELEASED));
        return map;
    }
}
