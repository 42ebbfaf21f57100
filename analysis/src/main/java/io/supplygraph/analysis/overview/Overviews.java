package io.supplygraph.analysis.overview;

import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.graph.Target;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.provenance.Provenances;
import io.supplygraph.analysis.provenance.SlsaLevel;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.view.Overview;
import io.supplygraph.analysis.view.Overview.Exposure;
import io.supplygraph.analysis.view.Overview.FindingCount;
import io.supplygraph.analysis.view.Overview.LevelCount;
import io.supplygraph.analysis.view.Overview.ProvenanceCoverage;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.AdvisoryFacts.Kind;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.OverviewSql.Counts;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The front page of a portfolio. Its findings come from the same query as {@code vulns --all}, so that the counts
 * on the front page are the rows a user finds behind them; the query runs once and feeds the counts, the malicious
 * banner and the most exposed packages.
 */
public final class Overviews {

    /** How many rows each list of the front page shows; the pages behind them list the rest. */
    public static final int ROWS = 10;

    private static final Comparator<Severity> RATING = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Exposure> MOST_EXPOSED = Comparator
            .comparingInt(Exposure::applications).reversed()
            .thenComparing(Exposure::severity, RATING.reversed())
            .thenComparing(Exposure::purl);

    private final GraphStore store;

    public Overviews(GraphStore store) {
        this.store = store;
    }

    public Overview overview() {
        Counts c = store.overview().counts();
        List<Finding> findings = new Vulns(store).list(new Vulns.Query(null, null, null, true));
        return new Overview(
                new Overview.Counts(c.applications(), c.releases(), c.documents(), c.packages(), c.advisories(),
                        c.advisoriesModified()),
                counts(findings.stream().filter(f -> f.kind() != Kind.MALICIOUS).toList()),
                exposures(findings.stream().filter(f -> f.kind() == Kind.MALICIOUS).toList(), Integer.MAX_VALUE),
                exposures(findings.stream().filter(f -> f.kind() != Kind.MALICIOUS && f.status().stillExposed())
                        .toList(), ROWS),
                provenance(),
                store.documents().recent(ROWS).stream().map(Documents::view).toList(),
                new Jobs(store.jobs()).recentRejections(ROWS));
    }

    /** Most severe first, unrated last; statuses in their declared order. */
    private static List<FindingCount> counts(List<Finding> findings) {
        Map<Severity, Map<FindingStatus, Long>> counts = new TreeMap<>(RATING.reversed());
        for (Finding f : findings) {
            counts.computeIfAbsent(f.severity(), s -> new EnumMap<>(FindingStatus.class))
                    .merge(f.status(), 1L, Long::sum);
        }
        List<FindingCount> rows = new ArrayList<>();
        counts.forEach((severity, byStatus) -> byStatus.forEach((status, n) ->
                rows.add(new FindingCount(severity, status, n))));
        return rows;
    }

    /** One row per package version: its most severe finding, and how many applications contain it. */
    private static List<Exposure> exposures(List<Finding> findings, int limit) {
        Map<String, List<Finding>> byPurl = new LinkedHashMap<>();
        findings.forEach(f -> byPurl.computeIfAbsent(f.purl(), p -> new ArrayList<>()).add(f));
        List<Exposure> rows = new ArrayList<>();
        byPurl.forEach((purl, list) -> {
            Finding worst = list.stream().max(Comparator.comparing(Finding::severity, RATING)).orElseThrow();
            // the applications still exposed: VEX decides per application, and one that says not affected is not
            int applications = (int) worst.exposedIn().stream().map(Finding.Container::subject).distinct().count();
            rows.add(new Exposure(purl, worst.id(), worst.severity(), list.size(), applications));
        });
        rows.sort(MOST_EXPOSED);
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    private ProvenanceCoverage provenance() {
        List<Long> subjects = store.applications().subjects();
        Map<Long, VersionRow> versions = store.packages().byIds(subjects);
        List<Build> builds = new Provenances(store).of(new Target.Packages("applications",
                new ArrayList<>(versions.values())));
        Map<String, List<Build>> byApplication = builds.stream().collect(Collectors.groupingBy(Build::via));
        long verified = byApplication.values().stream()
                .filter(list -> list.stream().anyMatch(b -> b.trust() == Trust.State.VERIFIED)).count();
        Map<SlsaLevel, Long> levels = new EnumMap<>(SlsaLevel.class);
        for (List<Build> list : byApplication.values()) {
            SlsaLevel best = list.stream().map(Build::level).min(Comparator.naturalOrder()).orElseThrow();
            levels.merge(best, 1L, Long::sum);
        }
        return new ProvenanceCoverage(subjects.size(), byApplication.size(), verified,
                levels.entrySet().stream().map(e -> new LevelCount(e.getKey(), e.getValue())).toList());
    }
}
