package io.supplygraph.analysis.vulns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.documents.Documents;
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
import java.util.Set;
import java.util.TreeSet;

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

    /** A document containing a package version; its subject's purl is a product that VEX statements may name. */
    private record Contained(String digest, String subject, String subjectPurl) {}

    /** Unrated sorts below every rating. */
    private static final Comparator<Severity> RATING = Comparator.nullsFirst(Comparator.naturalOrder());

    private static final Comparator<Finding> MALICIOUS_FIRST = Comparator.comparing(f -> f.kind() != Kind.MALICIOUS);

    /** Malicious first, then the most severe; purl and id are unique. */
    private static final Comparator<Finding> ORDER = MALICIOUS_FIRST
            .thenComparing(f -> f.score() == null ? -1 : f.score(), Comparator.reverseOrder())
            .thenComparing(Finding::severity, RATING.reversed())
            .thenComparing(Finding::purl).thenComparing(Finding::id);

    private static final ObjectMapper JSON = ReadLimits.jsonMapper();
    private static final CollectionType STRINGS = JSON.getTypeFactory().constructCollectionType(List.class, String.class);

    private final GraphStore store;
    private final VexVerdicts vex;

    public Vulns(GraphStore store) {
        this.store = store;
        this.vex = new VexVerdicts(store);
    }

    public List<Finding> list(Query query) {
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
        return findings(rows).stream()
                .filter(f -> query.all() || !f.status().hiddenByDefault())
                .filter(f -> f.kind() == Kind.MALICIOUS || minimum == null
                        || f.severity() != null && f.severity().atLeast(minimum))
                .filter(f -> !query.knownExploitedOnly() || f.kev() != null)
                .sorted(query.sort().order())
                .toList();
    }

    public VulnReport vuln(String id) {
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
        // an OSV id names one stored advisory
        List<Advisory> rows = store.advisories().byIds(advisories).values().stream().map(Vulns::advisory)
                .sorted(Comparator.comparing(Advisory::id)).toList();
        List<Finding> findings = findings(store.findings().ofAdvisories(advisories));
        return new VulnReport(id, rows, findings, applications(findings));
    }

    /** In the order {@link #list} gives. */
    public List<Malicious> malicious() {
        List<Malicious> found = new ArrayList<>();
        for (Finding f : list(new Query(null, null, null, false))) {
            if (f.kind() == Kind.MALICIOUS) {
                List<Malicious.Application> applications = applications(List.of(f)).stream()
                        .map(a -> new Malicious.Application(a.document(), a.subject(), a.path())).toList();
                found.add(new Malicious(f.purl(), f.id(), f.aliases(), applications));
            }
        }
        return found;
    }

    private static Advisory advisory(AdvisoryRow a) {
        return new Advisory(a.osvId(), a.aliases(), Kind.fromLabel(a.kind()), Severity.fromLabel(a.rating()),
                a.score(), a.severitySource(), a.summary(), a.published(), a.modified(), a.withdrawn());
    }

    /** The blast radius of the affected package versions among the findings. */
    private List<Application> applications(List<Finding> findings) {
        List<VersionRow> versions = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.status().stillExposed()) {
                continue;
            }
            try {
                versions.addAll(store.packages().matching(PackageIdentity.fromPurl(f.purl())));
            } catch (InvalidPurlException e) {
                throw new IllegalStateException("a stored purl no longer parses: " + f.purl(), e);
            }
        }
        return versions.isEmpty() ? List.of() : new Dependents(store).of(new Target.Packages("findings", versions));
    }

    /** Findings grouped into vulnerabilities per package version, sorted malicious first, then most severe. */
    private List<Finding> findings(List<Listed> rows) {
        Map<Long, AdvisoryRow> advisories = store.advisories().byIds(rows.stream().map(Listed::advisory).toList());
        Map<Long, List<Listed>> byVersion = new LinkedHashMap<>();
        rows.forEach(r -> byVersion.computeIfAbsent(r.version(), v -> new ArrayList<>()).add(r));
        Map<Long, List<Contained>> containers = containers(byVersion.keySet());
        Set<String> ids = new HashSet<>();
        advisories.values().forEach(a -> {
            ids.add(a.osvId());
            ids.addAll(a.aliases());
        });
        Exploits exploits = Exploits.of(store, ids);
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Long, List<Listed>> e : byVersion.entrySet()) {
            for (List<Listed> group : VulnerabilityGroups.of(e.getValue(), advisories)) {
                Finding f = finding(group, advisories, containers.getOrDefault(e.getKey(), List.of()));
                findings.add(f.withExploits(exploits.kev(f.ids()), exploits.epss(f.ids())));
            }
        }
        findings.sort(ORDER);
        return findings;
    }

    private Finding finding(List<Listed> group, Map<Long, AdvisoryRow> advisories, List<Contained> containers) {
        Listed first = group.stream().filter(l -> l.status().equals(VulnMatcher.AFFECTED)).findFirst()
                .orElse(group.get(0));
        String id = advisories.get(first.advisory()).osvId();
        Set<String> ids = new TreeSet<>();
        Set<String> fixed = new TreeSet<>();
        Severity severity = null;
        Double score = null;
        boolean malicious = false;
        for (Listed l : group) {
            AdvisoryRow a = advisories.get(l.advisory());
            ids.add(a.osvId());
            ids.addAll(a.aliases());
            fixed.addAll(fixedOf(l));
            malicious |= Kind.fromLabel(a.kind()) == Kind.MALICIOUS;
            Severity rating = Severity.fromLabel(a.rating());
            if (a.score() != null && (score == null || a.score() > score)) {
                score = a.score();
                severity = rating;
            } else if (score == null && RATING.compare(rating, severity) > 0) {
                severity = rating;
            }
        }
        Set<String> products = new TreeSet<>();
        containers.forEach(c -> {
            if (c.subjectPurl() != null) {
                products.add(c.subjectPurl());
            }
        });
        // A malicious package stays listed whatever a VEX says: the finding is its presence, not an exploit path.
        VexVerdict verdict = malicious ? null : vex.verdictFor(ids, first.purl(), products).orElse(null);
        FindingStatus status = verdict == null ? FindingStatus.fromLabel(first.status())
                : FindingStatus.of(verdict.status());
        List<String> aliases = ids.stream().filter(i -> !i.equals(id)).toList();
        List<Finding.Container> documents = containers.stream()
                .map(c -> new Finding.Container(c.digest(), c.subject())).toList();
        return new Finding(first.purl(), id, aliases, severity, score, List.copyOf(fixed), status,
                malicious ? Kind.MALICIOUS : Kind.VULNERABILITY, first.decidedBy(), documents,
                verdict == null ? null : verdict.justification(), verdict == null ? null : verdict.documentDigest());
    }

    /** The documents containing each version, nested SBOMs included (a container image listing the jar that has it). */
    private Map<Long, List<Contained>> containers(Collection<Long> versions) {
        Map<Long, Set<Long>> containing = new Containment(store).documentsContaining(versions);
        Set<Long> ids = new HashSet<>();
        containing.values().forEach(ids::addAll);
        Map<Long, DocumentRow> documents = store.documents().byIds(ids);
        Map<Long, List<Contained>> byVersion = new HashMap<>();
        containing.forEach((version, docs) -> {
            List<Contained> list = new ArrayList<>();
            for (long id : docs) {
                DocumentRow d = documents.get(id);
                list.add(new Contained(d.digest(), Documents.subject(d), d.subjectPurl()));
            }
            list.sort(Comparator.comparing((Contained c) -> String.valueOf(c.subject()))
                    .thenComparing(Contained::digest));
            byVersion.put(version, list);
        });
        return byVersion;
    }

    private static List<String> fixedOf(Listed l) {
        try {
            return JSON.readValue(l.fixed(), STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored finding's fixed versions no longer read", e);
        }
    }
}
