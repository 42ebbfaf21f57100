package io.supplygraph.store.sql;

import io.supplygraph.store.Database;
import io.supplygraph.store.Dialect;
import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Package versions as matching sees them (their match keys), and the findings matching writes. Reading the
 * findings back for a portfolio is here too: one statement per chunk, never one per package.
 */
public final class FindingSql {

    /** A package version that matching has not seen yet. */
    public record NewVersion(long id, String purl) {}

    /** A match key of a package version: {@code match_key} is '' for a version no advisory can name. */
    public record KeyRow(long version, String key, String release, String versionText) {}

    /**
     * What matching concluded.
     *
     * @param fixed the fixed versions of the entry that matched, as a JSON array
     */
    public record FindingRow(long version, long advisory, String status, String decidedBy, String fixed) {}

    /** A finding with the purl of its package version, for listing. */
    public record Listed(long version, String purl, long advisory, String status, String decidedBy, String fixed) {}

    /** Keyset pages (by id, after the last one seen) walk an index, so no page costs more than the one before. */
    private static final String UNSEEN_IN_DOCUMENTS = """
            SELECT DISTINCT pv.id, pv.purl
            FROM contains c JOIN package_version pv ON pv.id = c.package_version_id
            WHERE c.document_id IN %s AND c.package_version_id > ?
              AND NOT EXISTS (SELECT 1 FROM version_key k WHERE k.package_version_id = pv.id)
            ORDER BY pv.id
            LIMIT ?
            """;
    private static final String UNSEEN = """
            SELECT pv.id, pv.purl FROM package_version pv
            WHERE pv.id > ? AND NOT EXISTS (SELECT 1 FROM version_key k WHERE k.package_version_id = pv.id)
            ORDER BY pv.id
            LIMIT ?
            """;
    private static final String INSERT_KEY = """
            INSERT INTO version_key (package_version_id, match_key, release, version) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;
    private static final String BY_KEYS = """
            SELECT package_version_id, match_key, release, version FROM version_key WHERE match_key IN %s
            """;
    private static final String UPSERT = """
            INSERT INTO finding (package_version_id, advisory_id, status, decided_by, fixed) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (package_version_id, advisory_id)
            DO UPDATE SET status = excluded.status, decided_by = excluded.decided_by, fixed = excluded.fixed
            """;
    private static final String FORGET = "DELETE FROM finding WHERE package_version_id IN %s";
    private static final String LISTED = """
            SELECT f.package_version_id, pv.purl, f.advisory_id, f.status, f.decided_by, f.fixed
            FROM finding f JOIN package_version pv ON pv.id = f.package_version_id
            """;
    /** Findings of versions some stored document contains: versions of deleted documents drop out. */
    private static final String IN_PORTFOLIO = LISTED
            + " WHERE EXISTS (SELECT 1 FROM contains c WHERE c.package_version_id = f.package_version_id)";
    private static final String OF_VERSIONS = LISTED + " WHERE f.package_version_id IN %s";
    private static final String OF_ADVISORIES = IN_PORTFOLIO + " AND f.advisory_id IN %s";

    static final int KEY_BUCKETS = 64;
    /** The first half of the two-part advisory lock key: a namespace of our own ("SG"). */
    private static final int KEY_LOCK_CLASS = 0x5347;

    private final Session session;

    public FindingSql(Session session) {
        this.session = session;
    }

    /**
     * Every finding of an advisory in force, as "package version id:advisory id" (the OSV id, which a newer record of
     * the same advisory keeps): taken before and after an import, the two say which findings it added and retracted.
     */
    public Set<String> inForce() {
        return new HashSet<>(Sql.query(session, """
                SELECT f.package_version_id, a.osv_id FROM finding f JOIN advisory a ON a.id = f.advisory_id
                WHERE a.withdrawn IS NULL
                """, "reading the findings in force", rs -> rs.getLong(1) + ":" + rs.getString(2)));
    }

    /**
     * Up to {@code limit} versions the documents (at most {@value Sql#CHUNK}) contain that matching has not seen,
     * with ids above {@code after}, in id order: a million-component SBOM is matched a page at a time, and the pages
     * of a transaction come in one ascending order, which is the order its match keys and findings are locked in.
     */
    public List<NewVersion> unseenIn(List<Long> documents, long after, int limit) {
        if (documents.size() > Sql.CHUNK) {
            throw new IllegalArgumentException("at most " + Sql.CHUNK + " documents at a time");
        }
        return unseenPage(Sql.inList(UNSEEN_IN_DOCUMENTS, documents.size()), "finding new package versions",
                documents, after, limit);
    }

    /**
     * Up to {@code limit} of every version matching has not seen (those stored before matching existed, on the
     * first import), with ids above {@code after}, in id order.
     */
    public List<NewVersion> unseen(long after, int limit) {
        return unseenPage(UNSEEN, "finding unmatched package versions", List.of(), after, limit);
    }

    private List<NewVersion> unseenPage(String sql, String what, List<Long> documents, long after, int limit) {
        try (PreparedStatement s = session.connection().prepareStatement(sql)) {
            Sql.bindLongs(s, 1, documents);
            int i = documents.size() + 1;
            s.setLong(i++, after);
            s.setInt(i, limit);
            List<NewVersion> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new NewVersion(rs.getLong(1), rs.getString(2)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Sql.failure(what, e);
        }
    }

    /**
     * On PostgreSQL, locks these match keys exclusively until the transaction ends: what an advisory's transaction
     * takes before writing its entries. Matching runs in the transaction that stores a document, and two such
     * transactions do not see each other's rows: an SBOM's new version and an advisory's new entry under the same
     * key, stored at the same moment, would each be matched against what the other had not committed yet, and the
     * finding they make together would be lost. With the SBOM's transaction holding every key shared while it
     * matches ({@link #lockEveryKeyShared}), whichever of the two comes second sees the other's rows. Keys are hashed
     * into {@value #KEY_BUCKETS} locks, taken in order, which bounds the locks a transaction holds (PostgreSQL's lock
     * table is small) at the price of an SBOM now and then waiting for an advisory under another key. SQLite has one
     * writer at a time.
     */
    public void lockExclusively(Collection<String> keys) {
        TreeSet<Integer> buckets = new TreeSet<>();
        keys.forEach(k -> buckets.add(Math.floorMod(k.hashCode(), KEY_BUCKETS)));
        lockBuckets(buckets, "SELECT pg_advisory_xact_lock(?, ?)");
    }

    /**
     * Locks every match key shared: what matching new versions takes before it records their keys. All of them,
     * since a document's versions are matched a page at a time and the keys of later pages are not known yet (locks
     * taken page by page would not be taken in one order, and could deadlock with an advisory's exclusive ones).
     */
    public void lockEveryKeyShared() {
        TreeSet<Integer> buckets = new TreeSet<>();
        for (int bucket = 0; bucket < KEY_BUCKETS; bucket++) {
            buckets.add(bucket);
        }
        lockBuckets(buckets, "SELECT pg_advisory_xact_lock_shared(?, ?)");
    }

    private void lockBuckets(TreeSet<Integer> buckets, String lockSql) {
        Database writer = session.writer();
        if (writer.dialect() != Dialect.POSTGRESQL || buckets.isEmpty()) {
            return;
        }
        try (PreparedStatement s = writer.connection().prepareStatement(lockSql)) {
            for (int bucket : buckets) {
                s.setInt(1, KEY_LOCK_CLASS);
                s.setInt(2, bucket);
                s.executeQuery().close();
            }
        } catch (SQLException e) {
            throw Sql.failure("locking match keys", e);
        }
    }

    /**
     * Sorted, as {@link #upsert} sorts: concurrent writers matching the same new versions then lock these rows in one
     * order, and wait for each other instead of deadlocking.
     */
    public void insertKeys(List<KeyRow> keys) {
        List<KeyRow> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparingLong(KeyRow::version).thenComparing(KeyRow::key));
        Sql.batch(session, INSERT_KEY, sorted, "writing match keys", (s, k) -> {
            s.setLong(1, k.version());
            s.setString(2, k.key());
            s.setString(3, k.release());
            s.setString(4, k.versionText());
        });
    }

    /**
     * Drops the findings of versions about to be matched afresh. A version matching has not seen has none, unless a
     * migration let it go because the rules changed (V9): then what the old rules found must not outlive them.
     */
    public void forgetFindingsOf(List<Long> versions) {
        for (List<Long> chunk : Sql.chunks(versions.stream().sorted().toList())) {
            try (PreparedStatement s = session.writer().connection().prepareStatement(Sql.inList(FORGET, chunk.size()))) {
                Sql.bindLongs(s, 1, chunk);
                s.executeUpdate();
            } catch (SQLException e) {
                throw Sql.failure("dropping findings to match again", e);
            }
        }
    }

    /** Package versions under any of these keys. */
    public List<KeyRow> versionsWithKeys(Collection<String> keys) {
        return Sql.selectStrings(session, BY_KEYS, keys, "finding package versions by match key",
                rs -> new KeyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** Runs {@code matching} in one write transaction: a re-match job's findings commit together or not at all. */
    public <T> T inTransaction(Supplier<T> matching) {
        try {
            return Transaction.run(session.writer(), c -> matching.get());
        } catch (SQLException e) {
            throw Sql.failure("re-matching advisories", e);
        }
    }

    public void upsert(List<FindingRow> findings) {
        List<FindingRow> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingLong(FindingRow::version).thenComparingLong(FindingRow::advisory));
        Sql.batch(session, UPSERT, sorted, "writing findings", (s, f) -> {
            s.setLong(1, f.version());
            s.setLong(2, f.advisory());
            s.setString(3, f.status());
            if (f.decidedBy() == null) {
                s.setNull(4, Types.VARCHAR);
            } else {
                s.setString(4, f.decidedBy());
            }
            s.setString(5, f.fixed());
        });
    }

    /** Every finding of a package version that a stored document contains. */
    public List<Listed> inPortfolio() {
        try (PreparedStatement s = session.connection().prepareStatement(IN_PORTFOLIO)) {
            List<Listed> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(listed(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Sql.failure("listing findings", e);
        }
    }

    public List<Listed> ofVersions(Collection<Long> versions) {
        return Sql.select(session, OF_VERSIONS, versions, "listing findings", FindingSql::listed);
    }

    public List<Listed> ofAdvisories(Collection<Long> advisories) {
        return Sql.select(session, OF_ADVISORIES, advisories, "listing findings", FindingSql::listed);
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        return new Listed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }
}
