package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Jobs the server runs after answering their request: a batch upload, an advisory import. */
public final class JobSql {

    /**
     * A job as stored; {@code result} is the JSON its URL answers with, once it is done; {@code startedAt} and
     * {@code worker} once a worker took it.
     */
    public record JobRow(String id, String kind, String state, String source, String createdAt, String startedAt,
            String worker, String finishedAt, String result) {}

    private static final String INSERT = """
            INSERT INTO upload_job (id, kind, state, source, created_at) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String SELECT = "SELECT id, kind, state, source, created_at, started_at, worker, finished_at,"
            + " result FROM upload_job";
    private static final String BY_ID = SELECT + " WHERE id = ?";
    private static final String UNFINISHED = SELECT + " WHERE finished_at IS NULL ORDER BY created_at, id";
    private static final String RECENTLY_FINISHED = SELECT
            + " WHERE finished_at IS NOT NULL ORDER BY finished_at DESC, id LIMIT ?";
    private static final String UPDATE = "UPDATE upload_job SET state = ?, finished_at = ?, result = ? WHERE id = ?";
    private static final String TAKEN = "UPDATE upload_job SET state = ?, started_at = ?, worker = ? WHERE id = ?";

    private final Session session;

    public JobSql(Session session) {
        this.session = session;
    }

    public void insert(String id, String kind, String state, String source, String createdAt) {
        write(INSERT, "recording job " + id, id, kind, state, source, createdAt);
    }

    /** Moves a job to {@code state}; {@code finishedAt} and {@code result} stay null while it runs. */
    public void update(String id, String state, String finishedAt, String result) {
        write(UPDATE, "updating job " + id, state, finishedAt, result, id);
    }

    /** A worker took the job: it runs from {@code startedAt} on. */
    public void taken(String id, String state, String startedAt, String worker) {
        write(TAKEN, "updating job " + id, state, startedAt, worker, id);
    }

    /** One statement of text parameters in a transaction of its own. */
    private void write(String sql, String doing, String... values) {
        try {
            Transaction.run(session.writer(), c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) {
                        s.setString(i + 1, values[i]);
                    }
                    return s.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw Sql.failure(doing, e);
        }
    }

    public Optional<JobRow> byId(String id) {
        try (PreparedStatement s = session.connection().prepareStatement(BY_ID)) {
            s.setString(1, id);
            return rows(s).stream().findFirst();
        } catch (SQLException e) {
            throw Sql.failure("reading job " + id, e);
        }
    }

    /** Jobs not finished yet, oldest first: what a restarted server resumes from its spool. */
    public List<JobRow> unfinished() {
        try (PreparedStatement s = session.connection().prepareStatement(UNFINISHED)) {
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("listing unfinished jobs", e);
        }
    }

    /** Finished jobs, the last to finish first. */
    public List<JobRow> recentlyFinished(int limit) {
        try (PreparedStatement s = session.connection().prepareStatement(RECENTLY_FINISHED)) {
            s.setInt(1, limit);
            return rows(s);
        } catch (SQLException e) {
            throw Sql.failure("listing recent jobs", e);
        }
    }

    private static List<JobRow> rows(PreparedStatement s) throws SQLException {
        List<JobRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new JobRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return rows;
    }
}
