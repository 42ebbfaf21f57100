package io.supplygraph.analysis.applications;

import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.ApplicationReleases.Release;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingCounts;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.ApplicationSql.ReleaseRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every application with its releases, their documents and their open findings by severity: what {@code
 * applications} prints. The findings are the portfolio's, read once, each counted in the releases whose documents
 * stay exposed to it.
 */
public final class Catalogue {

    private final GraphStore store;

    public Catalogue(GraphStore store) {
        this.store = store;
    }

    /** Every application; with {@code latestOnly}, each with its newest release alone. */
    public List<ApplicationReleases> list(boolean latestOnly) {
        Map<String, Map<String, List<ReleaseRow>>> byApplication = new TreeMap<>();
        for (ReleaseRow row : store.applications().releases()) {
            byApplication.computeIfAbsent(row.application(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(String.valueOf(row.release()), r -> new ArrayList<>()).add(row);
        }
        Map<String, List<Finding>> findingsByDocument = new Vulns(store).openByDocument();
        List<ApplicationReleases> applications = new ArrayList<>();
        byApplication.forEach((application, releases) -> {
            List<ReleaseRow> current = releases.values().stream().flatMap(List::stream)
                    .filter(ReleaseRow::current).toList();
            if (current.isEmpty()) {
                return; // every document superseded: cannot happen through --replace, which keeps the newest
            }
            String latest = Releases.newest(application, current);
            List<Release> rows = new ArrayList<>();
            releases.forEach((name, documents) -> rows.add(release(documents, findingsByDocument)));
            rows.sort(newestFirst(application, releases));
            FindingCounts latestFindings = rows.stream().filter(r -> Objects.equals(r.release(), latest))
                    .map(Release::findings).findFirst().orElse(FindingCounts.of(List.of()));
            ApplicationReleases all = new ApplicationReleases(application, latest, rows, current.size(),
                    latestFindings);
            applications.add(latestOnly ? all.withLatestOnly() : all);
        });
        return applications;
    }

    /** The order {@link Releases#newest} decides by, newest first. */
    private static Comparator<Release> newestFirst(String application, Map<String, List<ReleaseRow>> releases) {
        List<ReleaseRow> rows = new ArrayList<>();
        releases.values().forEach(rows::addAll);
        List<String> oldestFirst = Releases.oldestFirst(application, rows);
        Map<String, Integer> age = new HashMap<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            age.put(oldestFirst.get(i), i);
        }
        return Comparator.comparing((Release r) -> age.get(r.release())).reversed();
    }

    private static Release release(List<ReleaseRow> documents, Map<String, List<Finding>> findingsByDocument) {
        List<String> current = new ArrayList<>();
        List<String> superseded = new ArrayList<>();
        Map<String, Finding> findings = new HashMap<>();
        String ingested = null;
        for (ReleaseRow d : documents) {
            (d.current() ? current : superseded).add(d.digest());
            if (d.current()) {
                findingsByDocument.getOrDefault(d.digest(), List.of())
                        .forEach(f -> findings.put(f.purl() + " " + f.id(), f));
            }
            ingested = ingested == null || d.ingestedAt().compareTo(ingested) > 0 ? d.ingestedAt() : ingested;
        }
        return new Release(documents.get(0).release(), current, superseded, ingested,
                FindingCounts.of(List.copyOf(findings.values())));
    }
}
