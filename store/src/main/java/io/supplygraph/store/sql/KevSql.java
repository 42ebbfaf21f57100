package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** CISA's Known Exploited Vulnerabilities catalog, one row per CVE. */
public final class KevSql {

    /** A catalog entry; {@code knownRansomware} as the catalog spells it ({@code Known}, {@code Unknown}). */
    public record KevRow(String cveId, String dateAdded, String dueDate, String knownRansomware, String vendor,
            String product, String name) {}

    static final String SOURCE = "kev";

    private static final String INSERT = """
            INSERT INTO kev_entry (cve_id, date_added, due_date, known_ransomware, vendor, product, name)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String BY_CVES = """
            SELECT cve_id, date_added, due_date, known_ransomware, vendor, product, name FROM kev_entry
            WHERE cve_id IN %s
            """;

    private final Session session;

    public KevSql(Session session) {
        this.session = session;
    }

    /** Replaces the catalog: {@code version} is the catalog's {@code catalogVersion}. */
    public void replace(List<KevRow> rows, String version, String importedAt) {
        ExploitFeeds.replace(session, "kev_entry", INSERT, rows, (s, r) -> {
            s.setString(1, r.cveId());
            s.setString(2, r.dateAdded());
            s.setString(3, r.dueDate());
            s.setString(4, r.knownRansomware());
            s.setString(5, r.vendor());
            s.setString(6, r.product());
            s.setString(7, r.name());
        }, new ExploitFeeds.Feed(SOURCE, version, importedAt, rows.size()));
    }

    public List<KevRow> byCves(Collection<String> cves) {
        return Sql.selectStrings(session, BY_CVES, cves, "reading known exploited vulnerabilities", KevSql::row);
    }


    private static KevRow row(ResultSet rs) throws SQLException {
        return new KevRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }
}
