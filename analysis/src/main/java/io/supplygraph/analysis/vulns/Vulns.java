package io.supplygraph.analysis.vulns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.supplygraph.analysis.AmbiguousException;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.graph.Containment;
import io.supplygraph.analysis.graph.Dependents.Application;
import io.supplygraph.analysis.graph.Dependents;
import io.supplygraph.analysis.graph.Target;
import io.supplygraph.analysis.vex.VexVerdict;
import io.supplygraph.analysis.vex.VexVerdicts;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.VexFacts.Status;
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

    /** Severity ratings from the least to the most severe; the position is the rank. */
    public static final List<String> RATINGS = List.of("none", "low", "medium", "high", "critical");

    /** Who is asking what: at most one of {@code document} (a digest) and {@code purl}. */
    public record Query(String document, String purl, String minimumSeverity, boolean all) {}

    /**
     * One vulnerability of one package version.
     *
     * @param id        the vulnerability's id: the first, in order, of the advisory ids that name it
     * @param aliases   every other id of it (advisory ids and their aliases)
     * @param severity  the rating ({@code critical}, ... {@code none}), or null when no advisory rates it
     * @param score     the highest CVSS base score of its advisories, or null
     * @param fixed     versions that fix it, per the entries that matched
     * @param status    {@code affected} or {@code unknown} (the ranges could not decide), or the status a VEX
     *                  statement gives: {@code not_affected}, {@code fixed}, {@code under_investigation}
     * @param kind      {@code malicious} or {@code vulnerability}
     * @param range     the range or version list that decided
     * @param documents the documents that contain the package version, nested SBOMs included
     * @param vex       the VEX statement that decided the status, or null when none applies
     */
    public record Finding(String purl, String id, List<String> aliases, String severity, Double score,
            List<String> fixed, String status, String kind, String range, List<Container> documents,
            VexVerdict vex) {}

    /** A document containing a package version: its digest, its subject as shown, and the subject's purl. */
    public record Container(String digest, String subject, String subjectPurl) {}

    /** Statuses hidden unless asked for with {@code --all}: the vendor says not affected, or the ranges cannot say. */
    /** Statuses whose package versions still count in a blast radius. */
    private static final Set<String> STILL_EXPOSED = Set.of(VulnMatcher.AFFECTED, Status.UNDER_INVESTIGATION.label());

    private static final Set<String> HIDDEN = Set.of(Status.NOT_AFFECTED.label(), VulnMatcher.UNKNOWN);

    /** One vulnerability by id: its advisories, its findings, and the applications those reach, with paths. */
    public record Report(List<AdvisoryRow> advisories, List<Finding> findings, List<Application> applications) {}

    /** A malicious package version and the applications containing it. */
    public record Malicious(Finding finding, List<Application> applications) {}

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
            DocumentRow d = single(store.documents().byDigestPrefix(query.document()), query.document());
            List<Long> versions = store.graph().containedIn(List.of(d.id())).stream().map(ContainsRow::version)
                    .toList();
            rows = store.findings().ofVersions(versions);
        } else {
            rows = store.findings().inPortfolio();
        }
        int minimum = query.minimumSeverity() == null ? -1 : rank(query.minimumSeverity());
        return findings(rows).stream()
                .filter(f -> query.all() || !HIDDEN.contains(f.status()))
                .filter(f -> f.kind().equals("malicious") || rankOf(f.severity()) >= minimum)
                .toList();
    }

    public Report vuln(String id) {
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
        List<AdvisoryRow> rows = store.advisories().byIds(advisories).values().stream()
                .sorted(Comparator.comparing(AdvisoryRow::osvId)).toList();
        List<Finding> findings = findings(store.findings().ofAdvisories(advisories));
        return new Report(rows, findings, applications(findings));
    }

    public List<Malicious> malicious() {
        List<Malicious> found = new ArrayList<>();
        for (Finding f : list(new Query(null, null, null, false))) {
            if (f.kind().equals("malicious")) {
                found.add(new Malicious(f, applications(List.of(f))));
            }
        }
        return found;
    }

    /** The blast radius of the affected package versions among the findings. */
    private List<Application> applications(List<Finding> findings) {
        List<VersionRow> versions = new ArrayList<>();
        for (Finding f : findings) {
            if (!STILL_EXPOSED.contains(f.status())) {
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
        Map<Long, List<Container>> containers = containers(byVersion.keySet());
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Long, List<Listed>> e : byVersion.entrySet()) {
            for (List<Listed> group : VulnerabilityGroups.of(e.getValue(), advisories)) {
                findings.add(finding(group, advisories, containers.getOrDefault(e.getKey(), List.of())));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> !f.kind().equals("malicious"))
                .thenComparing(f -> f.score() == null ? -1 : f.score(), Comparator.reverseOrder())
                .thenComparing(f -> rankOf(f.severity()), Comparator.reverseOrder())
                .thenComparing(Finding::purl).thenComparing(Finding::id));
        return findings;
    }

    private Finding finding(List<Listed> group, Map<Long, AdvisoryRow> advisories, List<Container> containers) {
        Listed first = group.stream().filter(l -> l.status().equals(VulnMatcher.AFFECTED)).findFirst()
                .orElse(group.get(0));
        String id = advisories.get(first.advisory()).osvId();
        Set<String> ids = new TreeSet<>();
        Set<String> fixed = new TreeSet<>();
        String severity = null;
        Double score = null;
        boolean malicious = false;
        for (Listed l : group) {
            AdvisoryRow a = advisories.get(l.advisory());
            ids.add(a.osvId());
            ids.addAll(a.aliases());
            fixed.addAll(fixedOf(l));
            malicious |= a.kind().equals("malicious");
            if (a.score() != null && (score == null || a.score() > score)) {
                score = a.score();
                severity = a.rating();
            } else if (score == null && rankOf(a.rating()) > rankOf(severity)) {
                severity = a.rating();
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
        String status = verdict == null ? first.status() : verdict.status().label();
        List<String> aliases = ids.stream().filter(i -> !i.equals(id)).toList();
        return new Finding(first.purl(), id, aliases, severity, score, List.copyOf(fixed), status,
                malicious ? "malicious" : "vulnerability", first.decidedBy(), containers, verdict);
    }

    /** The documents containing each version, nested SBOMs included (a container image listing the jar that has it). */
    private Map<Long, List<Container>> containers(Collection<Long> versions) {
        Map<Long, Set<Long>> containing = new Containment(store).documentsContaining(versions);
        Set<Long> ids = new HashSet<>();
        containing.values().forEach(ids::addAll);
        Map<Long, DocumentRow> documents = store.documents().byIds(ids);
        Map<Long, List<Container>> byVersion = new HashMap<>();
        containing.forEach((version, docs) -> {
            List<Container> list = new ArrayList<>();
            for (long id : docs) {
                DocumentRow d = documents.get(id);
                list.add(new Container(d.digest(), subject(d), d.subjectPurl()));
            }
            list.sort(Comparator.comparing((Container c) -> String.valueOf(c.subject())).thenComparing(Container::digest));
            byVersion.put(version, list);
        });
        return byVersion;
    }

    private static String subject(DocumentRow d) {
        if (d.subjectPurl() == null || !d.subjectSynthetic()) {
            return d.subjectPurl();
        }
        return d.subjectVersion() == null ? d.subjectName() : d.subjectName() + "@" + d.subjectVersion();
    }

    private static List<String> fixedOf(Listed l) {
        try {
            return JSON.readValue(l.fixed(), STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored finding's fixed versions no longer read", e);
        }
    }

    private static DocumentRow single(List<DocumentRow> found, String digest) {
        if (found.isEmpty()) {
            throw new NotFoundException("no document has the digest " + digest);
        }
        if (found.size() > 1) {
            throw new AmbiguousException(
                    "'" + digest + "' is the start of " + found.size() + " document digests; give more of it");
        }
        return found.get(0);
    }

    static int rank(String rating) {
        int rank = RATINGS.indexOf(rating.strip().toLowerCase(java.util.Locale.ROOT));
        if (rank < 0) {
            throw new IllegalArgumentException("unknown severity " + rating + "; one of " + RATINGS);
        }
        return rank;
    }

    private static int rankOf(String rating) {
        return rating == null ? -1 : RATINGS.indexOf(rating);
    }
}
