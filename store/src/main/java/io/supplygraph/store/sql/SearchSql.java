package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a search box looks up by name: packages, each once however many versions it has. Unlike
 * {@code PackageSql.usage} it counts no documents, which for a package in thousands of SBOMs is most of the work
 * (1.4 s against milliseconds for {@code log4j-core} on the 5,000 x 500 store).
 */
public final class SearchSql {

    /** A package (its purl without version) and how many of its versions documents list. */
    public record PackageHit(String base, int versions) {}

    private static final String PACKAGES_NAMED = """
            SELECT p.base, COUNT(*) FROM package p
            JOIN package_version pv ON pv.package_id = p.id
            WHERE LOWER(p.name) LIKE ? ESCAPE '\\' AND pv.synthetic = 0
              AND EXISTS (SELECT 1 FROM contains c WHERE c.package_version_id = pv.id)
            GROUP BY p.base
            ORDER BY p.base
            LIMIT ?
            """;

    private final Session session;

    public SearchSql(Session session) {
        this.session = session;
    }

    /** Packages whose name contains {@code fragment}, in any case, by purl; at most {@code limit}. */
    public List<PackageHit> packagesNamed(String fragment, int limit) {
        try (PreparedStatement s = session.connection().prepareStatement(PACKAGES_NAMED)) {
            s.setString(1, like(fragment));
            s.setInt(2, limit);
            List<PackageHit> hits = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hits.add(new PackageHit(rs.getString(1), rs.getInt(2)));
                }
            }
            return hits;
        } catch (SQLException e) {
            throw Sql.failure("finding packages named " + fragment, e);
        }
    }

    /** A LIKE pattern for text that contains {@code fragment}: its own % and _ are not wildcards. */
    static String like(String fragment) {
        return "%" + fragment.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }
}
