package io.supplygraph.store.sql;

import io.supplygraph.store.Dialect;
import io.supplygraph.store.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The match keys that wait for a re-match job ({@code rematch_pending}): written with the advisories that name them,
 * taken by a job when it is published, removed when the job has matched them.
 *
 * <p>Taking keys locks their rows and skips rows another transaction holds (PostgreSQL's {@code SKIP LOCKED}), so
 * importers and idle workers publishing at the same moment share the keys out instead of publishing each twice.
 */
public final class RematchSql {

    /** Keys waiting: {@code unpublished} with no job yet, {@code inJobs} taken by a job that has not matched them. */
    public record Waiting(long unpublished, long inJobs) {}

    private static final String MARK = """
            INSERT INTO rematch_pending (match_key, job, since) VALUES (?, NULL, ?)
            ON CONFLICT (match_key) DO NOTHING
            """;
    private static final String UNPUBLISHED = "SELECT match_key FROM rematch_pending WHERE job IS NULL"
            + " ORDER BY match_key LIMIT ?";
    private static final String CLAIM = "UPDATE rematch_pending SET job = ? WHERE match_key IN %s RETURNING match_key";
    private static final String SETTLE_OF_JOB = "DELETE FROM rematch_pending WHERE job = ? AND match_key IN %s";
    private static final String SETTLE_UNPUBLISHED = "DELETE FROM rematch_pending WHERE job IS NULL"
            + " AND match_key IN %s";
    private static final String ANY_UNPUBLISHED = "SELECT 1 FROM rematch_pending WHERE job IS NULL LIMIT 1";
    private static final String WAITING = "SELECT COUNT(*) - COUNT(job), COUNT(job) FROM rematch_pending";

    private final Session session;

    public RematchSql(Session session) {
        this.session = session;
    }

    /**
     * Records keys as waiting, inside the writer's transaction (the one storing their advisories). A key that waits
     * already, even in a job not run yet, stays as it is: that job's transaction reads the advisories committed
     * before it, and it cannot overlap this one (the advisory's transaction holds its keys exclusively, a re-match
     * job every key shared).
     */
    public void markPending(Collection<String> keys, String since) {
        List<String> sorted = keys.stream().sorted().toList();
        Sql.batch(session, MARK, sorted, "recording match keys to re-match", (s, key) -> {
            s.setString(1, key);
            s.setString(2, since);
        });
    }

    /**
     * In a transaction of its own: takes up to {@code limit} unpublished keys for {@code job}, hands them to
     * {@code publish}, and commits only when it returns. The keys taken, sorted; none when no key waits. When
     * {@code publish} throws, the keys stay unpublished, for the next attempt.
     */
    public List<String> claim(String job, int limit, Consumer<List<String>> publish) {
        try {
            return Transaction.run(session.writer(), c -> {
                List<String> keys = lockUnpublished(c, limit);
                if (keys.isEmpty()) {
                    return keys;
                }
                List<String> taken = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(Sql.inList(CLAIM, keys.size()))) {
                    s.setString(1, job);
                    Sql.bindStrings(s, 2, keys);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            taken.add(rs.getString(1));
                        }
                    }
                }
                List<String> sorted = taken.stream().sorted().toList();
                publish.accept(sorted);
                return sorted;
            });
        } catch (SQLException e) {
            throw Sql.failure("taking match keys for re-match job " + job, e);
        }
    }

    /** Inside the writer's transaction: up to {@code limit} unpublished keys, their rows locked until it ends. */
    public List<String> takeUnpublished(int limit) {
        try {
            return lockUnpublished(session.writer().connection(), limit);
        } catch (SQLException e) {
            throw Sql.failure("taking match keys to re-match here", e);
        }
    }

    /** At most {@value Sql#CHUNK}, so that the keys fit the IN-list of one statement. */
    private List<String> lockUnpublished(Connection c, int limit) throws SQLException {
        String sql = session.dialect() == Dialect.POSTGRESQL ? UNPUBLISHED + " FOR UPDATE SKIP LOCKED" : UNPUBLISHED;
        List<String> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, Math.min(limit, Sql.CHUNK));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /**
     * Inside the writer's transaction that matched them: the keys no longer wait. Only rows still held by
     * {@code job} (null: the unpublished ones) go, so a key that another job took meanwhile stays for that job.
     */
    public void settle(Collection<String> keys, String job) {
        Connection c = session.writer().connection();
        for (List<String> chunk : Sql.chunks(keys.stream().sorted().toList())) {
            String template = job == null ? SETTLE_UNPUBLISHED : SETTLE_OF_JOB;
            try (PreparedStatement s = c.prepareStatement(Sql.inList(template, chunk.size()))) {
                int first = 1;
                if (job != null) {
                    s.setString(first++, job);
                }
                Sql.bindStrings(s, first, chunk);
                s.executeUpdate();
            } catch (SQLException e) {
                throw Sql.failure("settling re-matched keys", e);
            }
        }
    }

    public boolean anyUnpublished() {
        return !Sql.query(session, ANY_UNPUBLISHED, "looking for match keys to re-match", rs -> true).isEmpty();
    }

    public Waiting waiting() {
        return Sql.query(session, WAITING, "counting match keys to re-match",
                rs -> new Waiting(rs.getLong(1), rs.getLong(2))).get(0);
    }
}
