package io.supplygraph.store.sql;

import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Package versions: finding the ones a query names, and listing what the stored documents contain. */
public final class PackageSql {

    /** A package version as stored. */
    public record VersionRow(long id, String purl, String base, String name, String version, boolean synthetic) {}

    /** A package version and how many documents list it. */
    public record UsageRow(String purl, String name, String version, boolean synthetic, int documents) {}

    private static final String SELECT = """
            SELECT pv.id, pv.purl, p.base, p.name, pv.version, pv.synthetic
            FROM package_version pv JOIN package p ON p.id = pv.package_id
            """;
    private static final String BY_BASE = SELECT + " WHERE p.base = ?";
    private static final String BY_BASE_AND_VERSION = SELECT + " WHERE p.base = ? AND pv.version = ?";
    private static final String BY_PURL = SELECT + " WHERE pv.purl = ?";
    private static final String BY_IDS = SELECT + " WHERE pv.id IN %s";
    private static final String BY_NAME = SELECT + " WHERE p.name = ?";
    private static final String BY_BASES = SELECT + " WHERE p.base IN %s";
    private static final String USAGE = """
            SELECT pv.purl, p.name, pv.version, pv.synthetic, COUNT(DISTINCT c.document_id)
            FROM contains c
            JOIN package_version pv ON pv.id = c.package_version_id
            JOIN package p ON p.id = pv.package_id
            WHERE LOWER(p.name) LIKE ?
            GROUP BY pv.purl, p.name, pv.version, pv.synthetic
            ORDER BY pv.purl
            """;

    private final Session session;

    public PackageSql(Session session) {
        this.session = session;
    }

    /**
     * The stored versions a query purl names: with a version, that version under any qualifiers (or exactly
     * the purl when it has qualifiers); without, every version of the package.
     */
    public List<VersionRow> matching(PackageIdentity query) {
        if (query.version() == null) {
            return select(BY_BASE, query.base());
        }
        if (!query.qualifiers().isEmpty()) {
            return select(BY_PURL, query.purl());
        }
        return select(BY_BASE_AND_VERSION, query.base(), query.version());
    }

    /** Versions of packages with exactly this name, for queries that give a bare name instead of a purl. */
    public List<VersionRow> named(String name) {
        return select(BY_NAME, name);
    }

    /** Whether any package of this purl type is stored (a type no specification names, but a document used). */
    public boolean hasType(String type) {
        return !Sql.query(session, "SELECT type FROM package WHERE type = ? LIMIT 1", "finding purl types",
                rs -> rs.getString(1), type).isEmpty();
    }

    /**
     * The base purls of the packages of this type that have a version in some document: what a misspelt query of
     * that type may have meant. Reads every package of the type, so for error messages only.
     */
    public List<String> basesOfType(String type) {
        return Sql.query(session, """
                SELECT p.base FROM package p
                WHERE p.type = ? AND EXISTS (SELECT 1 FROM package_version pv WHERE pv.package_id = p.id)
                """, "finding packages of a type", rs -> rs.getString(1), type);
    }

    /** The distinct package names of a length within the bounds: what a misspelt bare name may have meant. */
    public List<String> namesOfLength(int shortest, int longest) {
        return Sql.query(session, "SELECT DISTINCT name FROM package WHERE LENGTH(name) BETWEEN ? AND ?",
                "finding package names", rs -> rs.getString(1), shortest, longest);
    }

    /** Every stored version of these packages (purls without version), for remediation's candidate versions. */
    public List<VersionRow> ofBases(Collection<String> bases) {
        return Sql.selectStrings(session, BY_BASES, bases, "finding package versions", PackageSql::row);
    }

    public Map<Long, VersionRow> byIds(Collection<Long> ids) {
        Map<Long, VersionRow> byId = new HashMap<>();
        for (List<Long> chunk : Sql.chunks(new ArrayList<>(ids))) {
            try (PreparedStatement s = session.connection().prepareStatement(Sql.inList(BY_IDS, chunk.size()))) {
                Sql.bindLongs(s, 1, chunk);
                for (VersionRow row : rows(s)) {
                    byId.put(row.id(), row);
                }
            } catch (SQLException e) {
                throw Sql.failure("reading package versions", e);
            }
        }
        return byId;
    }

    /** Package versions the documents contain whose name holds {@code nameFragment} (any case), with document counts. */
    public List<UsageRow> usage(String nameFragment) {
        String pattern = "%" + nameFragment.toLowerCase(java.util.Locale.ROOT) + "%";
        try (PreparedStatement s = session.connection().prepareStatement(USAGE)) {
            s.setString(1, pattern);
            List<UsageRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new UsageRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                            rs.getInt(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Sql.failure("listing packages", e);
        }
    }

    private List<VersionRow> select(String sql, String... parameters) {
        try (PreparedStatement s = session.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("finding package versions", e);
        }
    }

    private static List<VersionRow> rows(PreparedStatement s) throws SQLException {
        List<VersionRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static VersionRow row(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6) == 1);
    }
}
