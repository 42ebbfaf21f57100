package io.supplygraph.analysis.provenance;

import io.supplygraph.analysis.graph.Target;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import io.supplygraph.store.sql.ScorecardSql.CheckRow;
import io.supplygraph.store.sql.ScorecardSql.ScorecardRow;
import io.supplygraph.store.sql.SourceSql.SourceOfRow;
import java.util.ArrayList;
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

    /**
     * One Scorecard result for a repository the package comes from.
     *
     * @param via      how the package reached the repository: {@code purl}, {@code sbom} or {@code provenance}
     * @param revision the commit that was scored, or null
     * @param document the Scorecard result's digest
     */
    public record Scorecard(String repository, String via, String revision, String scoredOn, double score,
            String scorecardVersion, List<Check> checks, String document) {}

    public record Check(String name, int score, String reason) {}

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
            return forRepositories(Map.of(repository.url(), "repository"));
        }
        return forRepositories(repositories(text, (Target.Packages) Target.resolve(store, text)));
    }

    /** Normalised repository URL to how it was reached, first way first. */
    private Map<String, String> repositories(String purl, Target.Packages packages) {
        Map<String, String> via = new LinkedHashMap<>();
        fromPurl(purl).ifPresent(r -> via.put(r.url(), "purl"));
        List<Long> versions = packages.versions().stream().map(VersionRow::id).toList();
        for (VersionRow v : packages.versions()) {
            fromPurl(v.purl()).ifPresent(r -> via.putIfAbsent(r.url(), "purl"));
        }
        for (SourceOfRow s : store.sources().sourcesOf(versions)) {
            via.putIfAbsent(s.url(), "sbom");
        }
        for (Provenances.Build b : new Provenances(store).of(packages)) {
            if (b.source() != null) {
                via.putIfAbsent(b.source(), "provenance");
            }
        }
        return via;
    }

    private List<Scorecard> forRepositories(Map<String, String> via) {
        List<ScorecardRow> rows = store.scorecards().forRepositories(via.keySet());
        Map<Long, List<Check>> checks = new HashMap<>();
        for (CheckRow c : store.scorecards().checks(rows.stream().map(ScorecardRow::document).toList())) {
            checks.computeIfAbsent(c.document(), d -> new ArrayList<>()).add(new Check(c.name(), c.score(), c.reason()));
        }
        List<Scorecard> result = new ArrayList<>();
        for (ScorecardRow r : rows) {
            result.add(new Scorecard(r.url(), via.get(r.url()), r.revision(), r.scoredOn(), r.score(),
                    r.scorecardVersion(), checks.getOrDefault(r.document(), List.of()), r.documentDigest()));
        }
        // newest result of each repository first
        result.sort(Comparator.comparing(Scorecard::repository)
                .thenComparing(Scorecard::scoredOn, Comparator.nullsLast(Comparator.reverseOrder())));
        return result;
    }

    private static Optional<SourceRepository> fromPurl(String purl) {
        if (!PackageIdentity.looksLikePurl(purl)) {
            return Optional.empty();
        }
        try {
            return SourceRepository.fromPurl(PackageIdentity.fromPurl(purl));
        } catch (InvalidPurlException e) {
            return Optional.empty();
        }
    }
}
