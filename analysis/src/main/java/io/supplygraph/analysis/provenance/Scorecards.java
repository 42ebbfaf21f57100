package io.supplygraph.analysis.provenance;

import io.supplygraph.analysis.graph.Target;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.analysis.view.Scorecard.Check;
import io.supplygraph.analysis.view.Scorecard.Via;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import io.supplygraph.store.sql.ScorecardSql.CheckRow;
import io.supplygraph.store.sql.ScorecardSql.ScorecardRow;
import io.supplygraph.store.sql.SourceSql.SourceOfRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenSSF Scorecard of a package's source repository. A package reaches its repository three ways, each
 * named in the answer: its purl ({@code vcs_url} qualifier, {@code pkg:github/owner/repo}, a Go module on
 * github.com), an SBOM's VCS reference for one of its versions, or the source of a provenance for one of its
 * artifacts. A repository URL may be asked about directly as well.
 */
public final class Scorecards {

    private final GraphStore store;

    public Scorecards(GraphStore store) {
        this.store = store;
    }

    /** Scorecards for a purl (any version when it has none) or a repository URL. */
    public List<Scorecard> of(String purlOrRepository) {
        String text = purlOrRepository.strip();
        if (!PackageIdentity.looksLikePurl(text)) {
            SourceRepository repository = SourceRepository.parse(text)
                    .orElseThrow(() -> new IllegalArgumentException("not a purl or a repository URL: " + text));
            return forRepositories(Map.of(repository.url(), Via.REPOSITORY));
        }
        return forRepositories(repositories(text, (Target.Packages) Target.resolve(store, text)));
    }

    /**
     * The newest scorecard of each package version's repository, reached through its purl or an SBOM's VCS
     * reference, for many versions in three queries; versions without one are left out. Unlike {@link #of}, it does
     * not follow provenance to a repository: that is a query per artifact, too many for a portfolio.
     */
    public Map<Long, Scorecard> newestOf(Collection<VersionRow> versions) {
        Map<Long, List<String>> repositories = new HashMap<>();
        Map<String, Via> via = new LinkedHashMap<>();
        for (VersionRow v : versions) {
            fromPurl(v.purl()).ifPresent(r -> {
                repositories.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(r.url());
                via.putIfAbsent(r.url(), Via.PURL);
            });
        }
        // a repository without a scorecard gives none: only those with one are read
        for (SourceOfRow s : store.sources().scoredSourcesOf(versions.stream().map(VersionRow::id).toList())) {
            repositories.computeIfAbsent(s.version(), k -> new ArrayList<>()).add(s.url());
            via.putIfAbsent(s.url(), Via.SBOM);
        }
        Map<String, Scorecard> newest = new HashMap<>();
        if (!via.isEmpty()) {
            // sorted newest first within each repository: the first one seen is the newest
            forRepositories(via).forEach(card -> newest.putIfAbsent(card.repository(), card));
        }
        Map<Long, Scorecard> result = new HashMap<>();
        repositories.forEach((version, urls) -> urls.stream().map(newest::get).filter(java.util.Objects::nonNull)
                .findFirst().ifPresent(card -> result.put(version, card)));
        return result;
    }

    /** Normalised repository URL to how it was reached, first way first. */
    private Map<String, Via> repositories(String purl, Target.Packages packages) {
        Map<String, Via> via = new LinkedHashMap<>();
        fromPurl(purl).ifPresent(r -> via.put(r.url(), Via.PURL));
        List<Long> versions = packages.versions().stream().map(VersionRow::id).toList();
        for (VersionRow v : packages.versions()) {
            fromPurl(v.purl()).ifPresent(r -> via.putIfAbsent(r.url(), Via.PURL));
        }
        for (SourceOfRow s : store.sources().sourcesOf(versions)) {
            via.putIfAbsent(s.url(), Via.SBOM);
        }
        for (Build b : new Provenances(store).of(packages)) {
            if (b.source() != null) {
                via.putIfAbsent(b.source(), Via.PROVENANCE);
            }
        }
        return via;
    }

    private List<Scorecard> forRepositories(Map<String, Via> via) {
        List<ScorecardRow> rows = store.scorecards().forRepositories(via.keySet());
        Map<Long, List<Check>> checks = new HashMap<>();
        for (CheckRow c : store.scorecards().checks(rows.stream().map(ScorecardRow::document).toList())) {
            checks.computeIfAbsent(c.document(), d -> new ArrayList<>())
                    .add(new Check(c.name(), c.score(), c.reason()));
        }
        // by name in Java: PostgreSQL's collation would order "CI-Tests" and "CII-Best-Practices" the other way
        checks.values().forEach(list -> list.sort(Comparator.comparing(Check::name)));
        List<Scorecard> result = new ArrayList<>();
        for (ScorecardRow r : rows) {
            result.add(new Scorecard(r.url(), r.score(), r.revision(), r.scoredOn(), r.scorecardVersion(),
                    via.get(r.url()), checks.getOrDefault(r.document(), List.of()), r.documentDigest()));
        }
        // newest result of each repository first; one result per document
        result.sort(Comparator.comparing(Scorecard::repository)
                .thenComparing(Scorecard::date, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Scorecard::document));
        return result;
    }

    private static Optional<SourceRepository> fromPurl(String purl) {
        if (!PackageIdentity.looksLikePurl(purl) || !SourceRepository.mayNameRepository(purl)) {
            return Optional.empty();
        }
        try {
            return SourceRepository.fromPurl(PackageIdentity.fromPurl(purl));
        } catch (InvalidPurlException e) {
            return Optional.empty();
        }
    }
}
