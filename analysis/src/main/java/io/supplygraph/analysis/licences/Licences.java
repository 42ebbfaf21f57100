package io.supplygraph.analysis.licences;

import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.view.LicenceClass;
import io.supplygraph.analysis.view.LicenceReport;
import io.supplygraph.analysis.view.LicenceReport.ClassCount;
import io.supplygraph.analysis.view.LicenceReport.Copyleft;
import io.supplygraph.analysis.view.LicenceReport.LicenceCount;
import io.supplygraph.analysis.view.LicenceReport.Reason;
import io.supplygraph.analysis.view.LicenceReport.Unknown;
import io.supplygraph.model.licence.LicenceExpression.Unstated;
import io.supplygraph.model.licence.LicenceExpressions;
import io.supplygraph.model.licence.ParsedLicence;
import io.supplygraph.model.licence.SpdxLicenceList;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.LicenceSql.LicensedRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The licence report of a document, an application or the portfolio ({@link LicenceReport}): the database groups
 * the components by licence, and each distinct expression is parsed and classified once.
 */
public final class Licences {

    private final GraphStore store;
    private final Map<String, ParsedLicence> parsed = new HashMap<>();

    public Licences(GraphStore store) {
        this.store = store;
    }

    public LicenceReport ofDocument(String digest) {
        DocumentRow document = Documents.row(store, digest);
        return report("document", document.digest(), store.licences().licensedIn(List.of(document.id())));
    }

    public LicenceReport ofApplication(String subjectPurl) {
        List<Long> documents = store.applications().documents(subjectPurl.strip());
        if (documents.isEmpty()) {
            throw new NotFoundException("no document has the subject " + subjectPurl);
        }
        return report("application", subjectPurl.strip(), store.licences().licensedIn(documents));
    }

    public LicenceReport ofPortfolio() {
        return report("portfolio", null, store.licences().licensedInPortfolio());
    }

    /**
     * One component's licence in scope: a package version and the expression documents state for it, normalised,
     * so that "mit" in one document and "MIT" in another are one licence.
     */
    private record Licensed(long version, String purl, String licence) {}

    private LicenceReport report(String scope, String target, List<LicensedRow> rows) {
        Map<Licensed, LicensedRow> merged = new LinkedHashMap<>();
        for (LicensedRow row : rows) {
            String written = effective(row);
            String licence = written == null ? null : parse(written).normalised();
            merged.merge(new Licensed(row.version(), row.purl(), licence), row, (a, b) ->
                    new LicensedRow(a.version(), a.purl(), a.declared(), a.concluded(), a.documents() + b.documents(),
                            Math.min(a.firstDocument(), b.firstDocument())));
        }
        Map<String, Integer> perLicence = new HashMap<>();
        Map<String, LicenceClass> classOf = new HashMap<>();
        Map<LicenceClass, Integer> perClass = new EnumMap<>(LicenceClass.class);
        List<Unknown> unknown = new ArrayList<>();
        List<Exposed> copyleft = new ArrayList<>();
        Set<Long> versions = new HashSet<>();
        merged.forEach((licensed, row) -> {
            versions.add(licensed.version());
            ParsedLicence licence = licensed.licence() == null ? null : parse(licensed.licence());
            LicenceClass c = licence == null ? LicenceClass.PROPRIETARY_OR_UNKNOWN
                    : LicenceClassifier.classify(licence);
            String name = licence == null ? null : licence.normalised();
            perLicence.merge(String.valueOf(name), 1, Integer::sum);
            classOf.put(String.valueOf(name), c);
            perClass.merge(c, 1, Integer::sum);
            if (c == LicenceClass.PROPRIETARY_OR_UNKNOWN) {
                unknown.add(new Unknown(licensed.purl(), licensed.licence(), reason(licence),
                        licence == null || licence.warnings().isEmpty() ? null : licence.warnings().get(0)));
            } else if (c.copyleft()) {
                copyleft.add(new Exposed(licensed.version(), licensed.purl(), name, c, row));
            }
        });
        List<LicenceCount> licences = new ArrayList<>();
        perLicence.forEach((name, n) -> licences.add(new LicenceCount(name.equals("null") ? null : name,
                classOf.get(name), n)));
        licences.sort(Comparator.comparingInt(LicenceCount::components).reversed()
                .thenComparing(LicenceCount::licence, Comparator.nullsLast(Comparator.naturalOrder())));
        List<ClassCount> classes = new ArrayList<>();
        perClass.forEach((c, n) -> classes.add(new ClassCount(c, n)));
        unknown.sort(Comparator.comparing(Unknown::purl).thenComparing(Unknown::licence,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return new LicenceReport(scope, target, SpdxLicenceList.get().version(), versions.size(), licences, classes,
                unknown, paths(copyleft));
    }

    /** The concluded licence where a document states one, else the declared one; NOASSERTION concludes nothing. */
    private static String effective(LicensedRow row) {
        if (row.concluded() != null && !row.concluded().isBlank() && !row.concluded().equals("NOASSERTION")) {
            return row.concluded();
        }
        return row.declared() == null || row.declared().isBlank() ? row.concluded() : row.declared();
    }

    private ParsedLicence parse(String written) {
        return parsed.computeIfAbsent(written, LicenceExpressions::parse);
    }

    private static Reason reason(ParsedLicence licence) {
        if (licence == null) {
            return Reason.NOT_STATED;
        }
        if (licence.malformed()) {
            return Reason.NOT_AN_EXPRESSION;
        }
        if (licence.expression() instanceof Unstated u) {
            return u.kind() == Unstated.Kind.NONE ? Reason.NONE : Reason.NOASSERTION;
        }
        return Reason.UNRECOGNISED;
    }

    /** A copyleft component before its path is known. */
    private record Exposed(long version, String purl, String licence, LicenceClass licenceClass, LicensedRow row) {}

    /** Each copyleft component with the path, by parent pointers, from the subject of its first document. */
    private List<Copyleft> paths(List<Exposed> copyleft) {
        Map<Long, Long> documentOf = new HashMap<>();
        copyleft.forEach(e -> documentOf.merge(e.version(), e.row().firstDocument(), Math::min));
        Map<Long, Map<Long, Long>> parents = new HashMap<>();
        // every component of the few documents the paths start from: the chains up from each copyleft version in
        // every document holding it would be tens of times as many rows across a portfolio
        for (ContainsRow row : store.graph().containedIn(new HashSet<>(documentOf.values()))) {
            parents.computeIfAbsent(row.document(), d -> new HashMap<>()).put(row.version(), row.parent());
        }
        Set<Long> onPaths = new HashSet<>();
        Map<Long, List<Long>> pathOf = new HashMap<>();
        documentOf.forEach((version, document) -> {
            List<Long> path = new ArrayList<>();
            Map<Long, Long> up = parents.getOrDefault(document, Map.of());
            // parent pointers form a tree per document; the bound guards a corrupt store against a cycle
            for (Long v = version; v != null && path.size() <= up.size(); v = up.get(v)) {
                path.add(0, v);
            }
            onPaths.addAll(path);
            pathOf.put(version, path);
        });
        Map<Long, VersionRow> purls = store.packages().byIds(onPaths);
        Map<Long, String> digests = store.documents().digests(new HashSet<>(documentOf.values()));
        List<Copyleft> found = new ArrayList<>();
        copyleft.forEach(e -> found.add(new Copyleft(e.purl(), e.licence(), e.licenceClass(), e.row().documents(),
                digests.get(documentOf.get(e.version())),
                pathOf.get(e.version()).stream().map(v -> purls.get(v).purl()).toList())));
        found.sort(Comparator.comparing(Copyleft::licenceClass, Comparator.reverseOrder())
                .thenComparing(Copyleft::purl).thenComparing(Copyleft::licence));
        return found;
    }
}
