package io.supplygraph.analysis.vulns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.applications.Releases;
import io.supplygraph.analysis.graph.Containment;
import io.supplygraph.analysis.graph.Dependents;
import io.supplygraph.analysis.graph.Target;
import io.supplygraph.analysis.vex.VexVerdict;
import io.supplygraph.analysis.vex.VexVerdicts;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.view.Malicious;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.view.VulnReport;
import io.supplygraph.analysis.view.VulnReport.Advisory;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.osv.PackageKeys;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.AdvisoryFacts.Kind;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.AdvisorySql.AdvisoryRow;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.FindingSql.Listed;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The findings of the graph, as people ask for them: per package version and vulnerability, with the
 * applications that contain it; one vulnerability by any of its ids with its blast radius; every malicious
 * package present. Advisories whose ids or aliases overlap name one vulnerability and give one finding per
 * package version. Malicious packages come first, always.
 */
public final class Vulns {

    /**
     * Who is asking what: at most one of {@code document} (a digest) and {@code purl}.
     *
     * @param minimumSeverity only findings rated at least this (malicious packages always), or null for all
     * @param all             also the findings that {@link FindingStatus#hiddenByDefault} hides
     */
    public record Query(String document, String purl, Severity minimumSeverity, boolean all, Sort sort,
            boolean knownExploitedOnly) {

        /** In the default order ({@link Sort#SEVERITY}), exploited or not. */
        public Query(String document, String purl, Severity minimumSeverity, boolean all) {
            this(document, purl, minimumSeverity, all, Sort.SEVERITY, false);
        }

        public Query {
            sort = sort == null ? Sort.SEVERITY : sort;
        }
    }

    /** The orders findings can be listed in; malicious packages come first in each. */
    public enum Sort {
        /** By {@link RiskScore} (severity, KEV, EPSS), highest first, then as {@link #SEVERITY}. */
        RISK,
        /** By score, then rating, most severe first, then purl and id: the order since findings exist. */
        SEVERITY,
        /** By EPSS probability, highest first (unscored last), then as {@link #SEVERITY}. */
        EPSS;

        /** A sort a user typed, in any case; anything else names the accepted values. */
        public static Sort parse(String text) {
            for (Sort s : values()) {
                if (s.name().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown sort '" + text + "'; one of risk, severity, epss");
        }

        Comparator<Finding> order() {
            return switch (this) {
                case SEVERITY -> ORDER;
                case RISK -> MALICIOUS_FIRST.thenComparing(RiskScore::of, Comparator.reverseOrder()).thenComparing(ORDER);
                case EPSS -> MALICIOUS_FIRST.thenComparing(f -> f.epss() == null ? -1 : f.epss().probability(),
                        Comparator.reverseOrder()).thenComparing(ORDER);
            };
        }
    }

    private static final Comparator<Finding> MALICIOUS_FIRST = Comparator.comparing(f -> f.kind() != Kind.MALICIOUS);

    /** Malicious first, then the most severe (unrated last); purl and id are unique. */
    private static final Comparator<Finding> ORDER = MALICIOUS_FIRST
            .thenComparing(f -> f.score() == null ? -1 : f.score(), Comparator.reverseOrder())
            .thenComparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::purl).thenComparing(Finding::id);

    private static final ObjectMapper JSON = ReadLimits.jsonMapper();
    private static final CollectionType STRINGS = JSON.getTypeFactory().constructCollectionType(List.class, String.class);

    private final GraphStore store;
    private final VexVerdicts verdicts;
    private final ApplicationVerdicts vex;
    private final Map<String, List<String>> fixedLists = new HashMap<>();
    private final Map<String, String> comparedVersions = new HashMap<>();

    public Vulns(GraphStore store) {
        this.store = store;
        this.verdicts = new VexVerdicts(store);
        this.vex = new ApplicationVerdicts(verdicts);
    }

    public List<Finding> list(Query query) {
        return list(query, Gather.DOCUMENTS);
    }

    /**
     * As {@link #list}, but each finding without its documents, which an upgrade plan does not print: the
     * applications containing a package version are then read only where a VEX statement may need them.
     */
    public List<Finding> listWithoutDocuments(Query query) {
        return list(query, Gather.NOTHING);
    }

    /** What to read beside the findings: the applications containing each version cost as much as the rest. */
    private enum Gather {
        DOCUMENTS,
        /** The documents, in no order: who is exposed, which nobody reads as a listing. */
        EXPOSED_DOCUMENTS,
        SUBJECTS,
        NOTHING;

        boolean documents() {
            return this == DOCUMENTS || this == EXPOSED_DOCUMENTS;
        }
    }

    private List<Finding> list(Query query, Gather gather) {
        List<Listed> rows;
        if (query.purl() != null) {
            rows = store.findings().ofVersions(Target.versions(store, Target.resolve(store, query.purl())));
        } else if (query.document() != null) {
            DocumentRow d = Documents.row(store, query.document());
            List<Long> versions = store.graph().containedIn(List.of(d.id())).stream().map(ContainsRow::version)
                    .toList();
            rows = store.findings().ofVersions(versions);
        } else {
            rows = store.findings().inPortfolio();
        }
        Severity minimum = query.minimumSeverity();
        return findings(rows, gather, null, new HashSet<>()).stream()
                .filter(f -> query.all() || !f.status().hiddenByDefault())
                .filter(f -> f.kind() == Kind.MALICIOUS || minimum == null
                        || f.severity().atLeast(minimum))
                .filter(f -> !query.knownExploitedOnly() || f.kev() != null)
                .sorted(query.sort().order())
                .toList();
    }

    /** The vulnerability, its findings, and the releases they reach; only each application's newest when asked. */
    public VulnReport vuln(String id, boolean latestReleasesOnly) {
        Set<Long> advisories = advisoriesNaming(id);
        // an OSV id names one stored advisory
        List<Advisory> rows = store.advisories().byIds(advisories).values().stream().map(Vulns::advisory)
                .sorted(Comparator.comparing(Advisory::id)).toList();
        List<Finding> findings = findings(store.findings().ofAdvisories(advisories), Gather.DOCUMENTS, null,
                new HashSet<>());
        return new VulnReport(id, rows, findings, applications(findings, latestReleasesOnly));
    }

    /**
     * The portfolio's open findings, per digest of each document still exposed to them (per-application VEX
     * applied): what the applications list counts and a portfolio policy check evaluates. Each finding's own lists
     * of documents come in no particular order, and so, where VEX statements about several of them are equally
     * unreassuring, does which one it names as deciding (its status is the same): sorting the 3.66 million
     * (finding, document) pairs of the bench's portfolio by subject cost 5% of a policy check, and neither reads
     * more than the findings grouped here, their ratings and statuses.
     */
    public Map<String, List<Finding>> openByDocument() {
        return openByDocument(f -> f);
    }

    /**
     * As {@link #openByDocument()}, each finding as {@code as} makes it, once: the same instance in every document
     * exposed to it.
     */
    public <T> Map<String, List<T>> openByDocument(Function<Finding, T> as) {
        Map<String, List<T>> byDocument = new HashMap<>();
        for (Finding f : list(new Query(null, null, null, false), Gather.EXPOSED_DOCUMENTS)) {
            if (f.status().stillExposed()) {
                T made = as.apply(f);
                f.exposedIn().forEach(c -> byDocument.computeIfAbsent(c.digest(), d -> new ArrayList<>()).add(made));
            }
        }
        return byDocument;
    }

    /** The advisories that name one vulnerability, by any of its ids or aliases. */
    public Set<Long> advisoriesNaming(String id) {
        Set<Long> advisories = store.advisories().named(List.of(id.strip()));
        if (advisories.isEmpty()) {
            throw new NotFoundException("no stored advisory has the id or alias " + id);
        }
        // Aliases join ids: GHSA-x aliasing CVE-y also finds PYSEC-z aliasing CVE-y.
        Set<String> ids = new TreeSet<>();
        store.advisories().byIds(advisories).values().forEach(a -> {
            ids.add(a.osvId());
            ids.addAll(a.aliases());
        });
        advisories.addAll(store.advisories().named(ids));
        return advisories;
    }

    /** In the order {@link #list} gives; with the releases containing each, only each application's newest when asked. */
    public List<Malicious> malicious(boolean latestReleasesOnly) {
        List<Malicious> found = new ArrayList<>();
        for (Finding f : list(new Query(null, null, null, false))) {
            if (f.kind() == Kind.MALICIOUS) {
                List<Malicious.Application> applications = applications(List.of(f), latestReleasesOnly).stream()
                        .map(a -> new Malicious.Application(a.document(), a.subject(), a.path(), a.application(),
                                a.release(), a.documents()))
                        .toList();
                found.add(new Malicious(f.purl(), f.id(), f.aliases(), applications));
            }
        }
        return found;
    }

    private static Advisory advisory(AdvisoryRow a) {
        return new Advisory(a.osvId(), a.aliases(), Kind.fromLabel(a.kind()), Severity.fromLabel(a.rating()),
                a.score(), a.severitySource(), a.summary(), a.published(), a.modified(), a.withdrawn());
    }

    /**
     * The blast radius of the affected package versions among the findings, a row per release, without the documents
     * whose own VEX statement settles it (not_affected or fixed there).
     */
    private List<Application> applications(List<Finding> findings, boolean latestReleasesOnly) {
        List<VersionRow> versions = new ArrayList<>();
        Map<String, Set<String>> settledIn = new HashMap<>();
        for (Finding f : findings) {
            if (!f.status().stillExposed()) {
                continue;
            }
            Set<String> settled = settledIn.computeIfAbsent(f.purl(), p -> new HashSet<>());
            f.documents().forEach(d -> settled.add(d.digest()));
            f.affectedIn().forEach(d -> settled.remove(d.digest()));
            try {
                versions.addAll(store.packages().matching(PackageIdentity.fromPurl(f.purl())));
            } catch (InvalidPurlException e) {
                throw new IllegalStateException("a stored purl no longer parses: " + f.purl(), e);
            }
        }
        if (versions.isEmpty()) {
            return List.of();
        }
        List<Application> releases = Releases.group(new Dependents(store)
                .perDocument(new Target.Packages("findings", versions)).stream()
                .filter(a -> !settledIn.getOrDefault(a.path().get(a.path().size() - 1), Set.of())
                        .contains(a.document()))
                .toList());
        return latestReleasesOnly ? Releases.latest(store).onlyLatest(releases) : releases;
    }

    /**
     * The portfolio's findings as "fix first" reads them: every one with VEX and exploit data applied, but without
     * its documents (a portfolio's findings times the applications holding each are millions of rows, which no plan
     * prints), and beside them the subjects of the applications containing each package version.
     *
     * @param subjectsByPurl   per package version's purl, the subjects of the documents containing it
     * @param declaredDirectly the purls some document lists as a direct dependency of its subject
     */
    public record Portfolio(List<Finding> findings, Map<String, Set<String>> subjectsByPurl,
            Set<String> declaredDirectly) {}

    public Portfolio portfolio() {
        Map<String, Set<String>> subjects = new HashMap<>();
        Set<Long> direct = new HashSet<>();
        List<Listed> rows = store.findings().inPortfolio();
        List<Finding> findings = findings(rows, Gather.SUBJECTS, subjects, direct);
        Set<String> declaredDirectly = new HashSet<>();
        rows.forEach(r -> {
            if (direct.contains(r.version())) {
                declaredDirectly.add(r.purl());
            }
        });
        return new Portfolio(findings, subjects, declaredDirectly);
    }

    /**
     * Findings grouped into vulnerabilities per package version, sorted malicious first, then most severe; with
     * their documents, or only the subjects containing each version ({@code subjects}, when not null), or neither.
     */
    private List<Finding> findings(List<Listed> rows, Gather gather, Map<String, Set<String>> subjects,
            Set<Long> declaredDirectly) {
        Map<Long, AdvisoryRow> advisories = store.advisories().byIds(rows.stream().map(Listed::advisory).toList());
        Map<Long, List<Listed>> byVersion = new LinkedHashMap<>();
        rows.forEach(r -> byVersion.computeIfAbsent(r.version(), v -> new ArrayList<>()).add(r));
        Map<Long, List<Contained>> containers = containers(gather == Gather.NOTHING
                ? versionsVexMayName(byVersion, advisories) : byVersion.keySet(), gather == Gather.DOCUMENTS,
                declaredDirectly);
        if (subjects != null) {
            byVersion.forEach((version, listed) -> {
                Set<String> named = new HashSet<>();
                containers.getOrDefault(version, List.of()).forEach(c -> named.add(String.valueOf(c.subject())));
                subjects.put(listed.get(0).purl(), named);
            });
        }
        Set<String> allIds = new HashSet<>();
        advisories.values().forEach(a -> {
            allIds.add(a.osvId());
            allIds.addAll(a.aliases());
        });
        Exploits exploits = Exploits.of(store, allIds);
        Map<List<Listed>, Long> groups = new LinkedHashMap<>();
        Set<String> unratedIds = new HashSet<>();
        for (Map.Entry<Long, List<Listed>> e : byVersion.entrySet()) {
            for (List<Listed> group : VulnerabilityGroups.of(e.getValue(), advisories)) {
                groups.put(group, e.getKey());
                if (ownRating(group, advisories).isEmpty()) {
                    unratedIds.addAll(ids(group, advisories));
                }
            }
        }
        RelatedSeverities related = RelatedSeverities.load(store, unratedIds);
        List<Finding> findings = new ArrayList<>();
        groups.forEach((group, version) -> {
            Finding f = finding(group, advisories, containers.getOrDefault(version, List.of()), related,
                    gather.documents());
            findings.add(f.withExploits(exploits.kev(f.ids()), exploits.epss(f.ids())));
        });
        findings.sort(ORDER);
        return findings;
    }

    private static Set<String> ids(List<Listed> group, Map<Long, AdvisoryRow> advisories) {
        Set<String> ids = new TreeSet<>();
        for (Listed l : group) {
            AdvisoryRow a = advisories.get(l.advisory());
            ids.add(a.osvId());
            ids.addAll(a.aliases());
        }
        return ids;
    }

    /** The rating of the group's own advisories: the highest score, else the highest rating; its source their id. */
    private static Optional<RelatedSeverities.Rated> ownRating(List<Listed> group, Map<Long, AdvisoryRow> advisories) {
        return RelatedSeverities.best(group.stream().map(l -> advisories.get(l.advisory()))
                .filter(a -> a.rating() != null)
                .map(a -> new RelatedSeverities.Rated(Severity.fromLabel(a.rating()), a.score(), a.osvId())));
    }

    private Finding finding(List<Listed> group, Map<Long, AdvisoryRow> advisories, List<Contained> containers,
            RelatedSeverities related, boolean withDocuments) {
        Listed first = group.stream().filter(l -> l.status().equals(VulnMatcher.AFFECTED)).findFirst()
                .orElse(group.get(0));
        String id = advisories.get(first.advisory()).osvId();
        Set<String> ids = ids(group, advisories);
        Set<String> fixed = new TreeSet<>();
        boolean malicious = false;
        for (Listed l : group) {
            fixed.addAll(fixedOf(l));
            malicious |= Kind.fromLabel(advisories.get(l.advisory()).kind()) == Kind.MALICIOUS;
        }
        Optional<RelatedSeverities.Rated> rated = ownRating(group, advisories).or(() -> related.of(ids));
        FindingStatus matched = FindingStatus.fromLabel(first.status());
        List<Finding.Container> documents = withDocuments ? containers.stream()
                .map(Contained::container).toList() : List.of();
        // A malicious package stays listed whatever a VEX says: the finding is its presence, not an exploit path.
        ApplicationVerdicts.Outcome vexed = malicious
                ? new ApplicationVerdicts.Outcome(matched, null, List.of(), documents)
                : vex.decide(ids, first.purl(), matched, containers);
        VexVerdict verdict = vexed.deciding();
        List<String> aliases = ids.stream().filter(i -> !i.equals(id)).toList();
        return new Finding(first.purl(), id, aliases, rated.map(RelatedSeverities.Rated::severity)
                .orElse(Severity.UNRATED), rated.map(RelatedSeverities.Rated::score).orElse(null), List.copyOf(fixed),
                vexed.status(), malicious ? Kind.MALICIOUS : Kind.VULNERABILITY, first.decidedBy(), documents,
                verdict == null ? null : verdict.justification(), verdict == null ? null : verdict.documentDigest(),
                comparedVersion(first.purl()), vexed.notAffectedIn(), vexed.affectedIn(),
                rated.map(RelatedSeverities.Rated::source).orElse(null));
    }

    /** Parsed once per purl: a portfolio's hundred thousand findings are in a third as many package versions. */
    private String comparedVersion(String purl) {
        return comparedVersions.computeIfAbsent(purl, p -> {
            try {
                return PackageKeys.comparedVersion(PackageIdentity.fromPurl(p));
            } catch (InvalidPurlException e) {
                throw new IllegalStateException("a stored purl no longer parses: " + p, e);
            }
        });
    }

    /** The versions one of whose advisories a VEX statement names: only their verdicts need the applications. */
    private Set<Long> versionsVexMayName(Map<Long, List<Listed>> byVersion, Map<Long, AdvisoryRow> advisories) {
        Set<Long> versions = new HashSet<>();
        byVersion.forEach((version, listed) -> {
            for (Listed l : listed) {
                AdvisoryRow a = advisories.get(l.advisory());
                Set<String> ids = new HashSet<>(a.aliases());
                ids.add(a.osvId());
                if (verdicts.anyNamed(ids)) {
                    versions.add(version);
                    return;
                }
            }
        });
        return versions;
    }

    /**
     * The documents containing each version, nested SBOMs included (a container image listing the jar that has it);
     * sorted by subject, then digest, when {@code sorted}.
     */
    private Map<Long, List<Contained>> containers(Collection<Long> versions, boolean sorted,
            Set<Long> declaredDirectly) {
        Map<Long, Set<Long>> containing = new Containment(store).documentsContaining(versions, declaredDirectly);
        Set<Long> ids = new HashSet<>();
        containing.values().forEach(ids::addAll);
        Map<Long, DocumentRow> documents = store.documents().byIds(ids);
        Map<Long, Contained> byDocument = new HashMap<>();
        documents.forEach((id, d) -> byDocument.put(id, new Contained(d.digest(), Documents.subject(d), d.subjectPurl())));
        Map<Long, List<Contained>> byVersion = new HashMap<>();
        containing.forEach((version, docs) -> {
            List<Contained> list = new ArrayList<>(docs.size());
            for (long id : docs) {
                list.add(byDocument.get(id));
            }
            if (sorted) {
                list.sort(Comparator.comparing((Contained c) -> String.valueOf(c.subject()))
                        .thenComparing(Contained::digest));
            }
            byVersion.put(version, list);
        });
        return byVersion;
    }

    /** Read once per distinct list: a portfolio's hundred thousand findings repeat a few thousand of them. */
    private List<String> fixedOf(Listed l) {
        return fixedLists.computeIfAbsent(l.fixed(), json -> {
            try {
                return JSON.readValue(json, STRINGS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored finding's fixed versions no longer read", e);
            }
        });
    }
}
