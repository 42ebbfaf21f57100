package io.supplygraph.analysis.vex;

import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.VexFacts.Status;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.VexSql;
import io.supplygraph.store.sql.VexSql.StatementRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The VEX status of findings: {@code new VexVerdicts(store).verdictFor(ids, purl, products)}. One instance serves
 * one query over many findings: statements are read once per package and kept.
 *
 * <p>How a verdict is chosen, for a vulnerability (an id and its aliases), a package version, and the products
 * (applications) that contain it:
 * <ol>
 * <li>A statement applies when one of its ids (its vulnerability and aliases, any case) is among the finding's,
 *     and it is of one of three scopes, most specific first:
 *     <ol>
 *     <li><b>in product</b>: it names the package (as subcomponent) inside a product, and that product is one of
 *         the given products;</li>
 *     <li><b>product-wide</b>: it names one of the given products itself, without subcomponents (the vendor says
 *         the whole application is or is not affected);</li>
 *     <li><b>package</b>: it names the package itself, or the package inside a product known only by name or CPE
 *         (which no SBOM can be checked against).</li>
 *     </ol>
 *     A statement scoped to a product that is not among the given products does not apply. "Names" means
 *     {@link PurlMatch}: same package and version, a statement without version covering every version,
 *     qualifiers compared only when the statement has them.</li>
 * <li>Only the most specific scope that has an applicable statement is considered.</li>
 * <li>Within it, for each product (one group for the package scope), the newest statement wins: the latest
 *     timestamp, a statement without one counting as oldest; among equals, the one ingested last.</li>
 * <li>When the winners of several products disagree, the least reassuring status is the verdict (affected, then
 *     under_investigation, then fixed, then not_affected), so a finding is hidden only when every product in
 *     scope says not_affected. Call with one product for a per-application verdict.</li>
 * </ol>
 * No applicable statement: empty.
 */
public final class VexVerdicts {

    private enum Scope { IN_PRODUCT, PRODUCT_WIDE, PACKAGE }

    /** Least reassuring first. */
    private static final List<Status> SEVERITY =
            List.of(Status.AFFECTED, Status.UNDER_INVESTIGATION, Status.FIXED, Status.NOT_AFFECTED);

    /** Newest last: timestamp (none = oldest), then ingest order, then order within the document. */
    static final Comparator<StatementRow> AGE = Comparator
            .comparing(StatementRow::timestamp, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(StatementRow::documentId)
            .thenComparingInt(StatementRow::ordinal);

    private final VexSql vex;
    private final Map<String, List<StatementRow>> byPackage = new HashMap<>();
    /** Null until the first verdict asked for. */
    private Set<String> namedVulnerabilities;

    public VexVerdicts(GraphStore store) {
        this.vex = store.vex();
    }

    /**
     * @param vulnerabilityIds the finding's vulnerability id and its aliases
     * @param purl             the package version found vulnerable
     * @param productPurls     the products (applications) containing it; may be empty
     */
    public Optional<VexVerdict> verdictFor(Set<String> vulnerabilityIds, String purl, Set<String> productPurls) {
        if (!anyNamed(vulnerabilityIds)) {
            // no statement names the vulnerability: nothing to resolve, however many products contain it (a
            // portfolio's findings are each in hundreds of applications, and most have no VEX at all)
            return Optional.empty();
        }
        PackageIdentity pkg = PurlMatch.parse(purl);
        List<PackageIdentity> products = productPurls.stream().map(PurlMatch::parse).toList();
        Set<String> ids = new HashSet<>();
        vulnerabilityIds.forEach(id -> ids.add(VexSql.normaliseId(id)));

        Set<String> bases = new HashSet<>();
        bases.add(pkg.base());
        products.forEach(p -> bases.add(p.base()));
        Map<Scope, Map<String, StatementRow>> newestByScopeAndProduct = new LinkedHashMap<>();
        for (StatementRow row : statements(bases)) {
            if (row.vulnerabilityIds().stream().noneMatch(ids::contains)) {
                continue;
            }
            Scope scope = scope(row, pkg, products);
            if (scope != null) {
                String product = scope == Scope.PACKAGE ? "" : scope == Scope.IN_PRODUCT
                        ? row.productPurl() : row.packagePurl();
                newestByScopeAndProduct.computeIfAbsent(scope, s -> new HashMap<>())
                        .merge(product, row, (a, b) -> AGE.compare(a, b) >= 0 ? a : b);
            }
        }
        for (Scope scope : Scope.values()) {
            Map<String, StatementRow> winners = newestByScopeAndProduct.get(scope);
            if (winners != null) {
                return Optional.of(verdict(decide(winners.values())));
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #verdictFor} once per set of products (one per application, say), reading the statements about all of
     * them at once; null where none applies.
     */
    public List<VexVerdict> verdictsFor(Set<String> vulnerabilityIds, String purl, List<Set<String>> productSets) {
        if (!anyNamed(vulnerabilityIds)) {
            return Collections.nCopies(productSets.size(), null);
        }
        Set<String> bases = new HashSet<>();
        bases.add(PurlMatch.parse(purl).base());
        productSets.forEach(products -> products.forEach(p -> bases.add(PurlMatch.parse(p).base())));
        statements(bases);
        List<VexVerdict> verdicts = new ArrayList<>(productSets.size());
        for (Set<String> products : productSets) {
            verdicts.add(verdictFor(vulnerabilityIds, purl, products).orElse(null));
        }
        return verdicts;
    }

    private static Scope scope(StatementRow row, PackageIdentity pkg, List<PackageIdentity> products) {
        boolean namesPackage = PurlMatch.covers(row.packagePurl(), row.packageBase(), row.packageVersion(), pkg);
        if (row.productPurl() != null) {
            boolean inGivenProduct = products.stream().anyMatch(p ->
                    PurlMatch.covers(row.productPurl(), row.productBase(), row.productVersion(), p));
            return namesPackage && inGivenProduct ? Scope.IN_PRODUCT : null;
        }
        if (namesPackage) {
            return Scope.PACKAGE;
        }
        boolean namesGivenProduct = products.stream().anyMatch(p ->
                PurlMatch.covers(row.packagePurl(), row.packageBase(), row.packageVersion(), p));
        return namesGivenProduct ? Scope.PRODUCT_WIDE : null;
    }

    /** The least reassuring of the products' winners; among equal statuses, the newest. */
    private static StatementRow decide(Collection<StatementRow> winners) {
        return winners.stream()
                .min(Comparator.<StatementRow>comparingInt(r -> SEVERITY.indexOf(r.status())).thenComparing(AGE.reversed()))
                .orElseThrow();
    }

    /** True when some statement names one of these ids: only then can a verdict exist. */
    public boolean anyNamed(Set<String> vulnerabilityIds) {
        if (namedVulnerabilities == null) {
            namedVulnerabilities = vex.namedVulnerabilities();
        }
        return vulnerabilityIds.stream().anyMatch(id -> namedVulnerabilities.contains(VexSql.normaliseId(id)));
    }

    private List<StatementRow> statements(Set<String> bases) {
        List<String> missing = bases.stream().filter(b -> !byPackage.containsKey(b)).toList();
        if (!missing.isEmpty()) {
            missing.forEach(b -> byPackage.put(b, new ArrayList<>()));
            for (StatementRow row : vex.about(missing)) {
                byPackage.get(row.packageBase()).add(row);
            }
        }
        List<StatementRow> rows = new ArrayList<>();
        bases.forEach(b -> rows.addAll(byPackage.get(b)));
        return rows;
    }

    static VexVerdict verdict(StatementRow row) {
        return new VexVerdict(row.status(), row.justification(), row.impactStatement(), row.actionStatement(),
                row.timestamp(), row.documentDigest(), row.vulnerability(), row.packagePurl(),
                row.productPurl() != null ? row.productPurl() : row.productLabel());
    }
}
