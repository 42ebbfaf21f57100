package io.supplygraph.analysis.vex;

import io.supplygraph.analysis.view.VexStatement;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.VexSql;
import io.supplygraph.store.sql.VexSql.StatementRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The VEX statements in force: of the statements on one vulnerability, product and package, the newest (by
 * {@link VexVerdicts#AGE}); older ones were superseded. Statements that use different ids for one vulnerability
 * are listed apart, each with its own id.
 */
public final class VexStatements {

    private final GraphStore store;

    public VexStatements(GraphStore store) {
        this.store = store;
    }

    /**
     * @param purl          only statements naming this package, or a product, that the purl covers (without a
     *                      version, any version); null for all
     * @param vulnerability only statements on this id or with it as an alias; null for all
     */
    public List<VexStatement> inForce(String purl, String vulnerability) {
        PackageIdentity query = purl == null ? null : PurlMatch.parse(purl);
        List<StatementRow> rows = query == null ? store.vex().all(vulnerability) : filtered(query, vulnerability);
        Map<List<String>, StatementRow> newest = new LinkedHashMap<>();
        for (StatementRow row : rows) {
            List<String> key = List.of(VexSql.normaliseId(row.vulnerability()),
                    Objects.requireNonNullElse(row.productPurl(), Objects.requireNonNullElse(row.productLabel(), "")),
                    row.packagePurl());
            newest.merge(key, row, (a, b) -> VexVerdicts.AGE.compare(a, b) >= 0 ? a : b);
        }
        // vulnerability, package and product are the key the newest was chosen by: unique
        return newest.values().stream().map(VexStatements::view)
                .sorted(Comparator.comparing(VexStatement::vulnerability).thenComparing(VexStatement::packagePurl)
                        .thenComparing(VexStatement::product, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private static VexStatement view(StatementRow s) {
        return new VexStatement(s.vulnerability(), s.vulnerabilityIds().stream().sorted().toList(), s.packagePurl(),
                s.productPurl() != null ? s.productPurl() : s.productLabel(), s.status(), s.justification(),
                s.impactStatement(), s.actionStatement(), s.timestamp() == null ? null : s.timestamp().toString(),
                s.documentDigest());
    }

    private List<StatementRow> filtered(PackageIdentity query, String vulnerability) {
        List<StatementRow> rows = new ArrayList<>();
        for (StatementRow row : store.vex().all(vulnerability)) {
            boolean names = covered(query, row.packageBase(), row.packageVersion())
                    || row.productBase() != null && covered(query, row.productBase(), row.productVersion());
            if (names) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A query without version covers every version; with one, statements on that version or on every version. */
    private static boolean covered(PackageIdentity query, String base, String version) {
        return query.base().equals(base)
                && (query.version() == null || version == null || query.version().equals(version));
    }
}
