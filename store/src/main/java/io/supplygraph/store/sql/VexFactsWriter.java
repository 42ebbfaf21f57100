package io.supplygraph.store.sql;

import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.VexFacts.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes VEX statements (of a VEX document, or of a CycloneDX BOM) as batches. Purls are stored as text beside
 * their package and version rather than through the dictionary: a statement names packages no SBOM may contain,
 * and matching one needs only the package and version.
 */
final class VexFactsWriter {

    private static final String INSERT_STATEMENT = """
            INSERT INTO vex_statement (document_id, ordinal, vulnerability, package_purl, package_base,
                                       package_version, product_purl, product_base, product_version, product_label,
                                       status, justification, impact_statement, action_statement, issued_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_VULNERABILITY = """
            INSERT INTO vex_vulnerability (document_id, ordinal, vulnerability_id) VALUES (?, ?, ?)
            """;

    void write(Connection c, long document, List<Statement> statements) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_STATEMENT);
                PreparedStatement v = c.prepareStatement(INSERT_VULNERABILITY)) {
            RowBatch statementRows = new RowBatch(s);
            RowBatch vulnerabilityRows = new RowBatch(v);
            for (int i = 0; i < statements.size(); i++) {
                Statement st = statements.get(i);
                s.setLong(1, document);
                s.setInt(2, i);
                s.setString(3, st.vulnerability());
                s.setString(4, st.pkg().purl());
                s.setString(5, st.pkg().base());
                s.setString(6, st.pkg().version());
                PackageIdentity product = st.product();
                s.setString(7, product == null ? null : product.purl());
                s.setString(8, product == null ? null : product.base());
                s.setString(9, product == null ? null : product.version());
                s.setString(10, st.productLabel());
                s.setString(11, st.status().label());
                s.setString(12, st.justification());
                s.setString(13, st.impactStatement());
                s.setString(14, st.actionStatement());
                if (st.timestamp() == null) {
                    s.setNull(15, Types.BIGINT);
                } else {
                    s.setLong(15, st.timestamp().toEpochMilli());
                }
                statementRows.add();
                for (String id : ids(st)) {
                    v.setLong(1, document);
                    v.setInt(2, i);
                    v.setString(3, id);
                    vulnerabilityRows.add();
                }
            }
            statementRows.execute();
            vulnerabilityRows.execute();
        }
    }

    private static Set<String> ids(Statement st) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(VexSql.normaliseId(st.vulnerability()));
        for (String alias : st.aliases()) {
            ids.add(VexSql.normaliseId(alias));
        }
        return ids;
    }
}
