package io.supplygraph.store.sql;

import io.supplygraph.model.fact.ScorecardFacts;
import io.supplygraph.model.fact.ScorecardFacts.Check;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Writes a Scorecard result: the repository's aggregate score at a commit, and each check. */
final class ScorecardFactsWriter {

    private static final String INSERT_SCORECARD = """
            INSERT INTO scorecard (document_id, source_id, revision, scored_on, score, scorecard_version)
            VALUES (?, ?, ?, ?, ?, ?)
            """;
    /** A result that lists a check twice keeps the first. */
    private static final String INSERT_CHECK = """
            INSERT INTO scorecard_check (document_id, name, score, reason) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final Dictionary dictionary;

    ScorecardFactsWriter(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    void write(Connection c, long document, ScorecardFacts facts) throws SQLException {
        long source = dictionary.sourceIds(c, List.of(facts.repository().url()))[0];
        try (PreparedStatement s = c.prepareStatement(INSERT_SCORECARD)) {
            s.setLong(1, document);
            s.setLong(2, source);
            s.setString(3, facts.repository().revision());
            s.setString(4, facts.date());
            s.setDouble(5, facts.score());
            s.setString(6, facts.scorecardVersion());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_CHECK)) {
            for (Check check : facts.checks()) {
                s.setLong(1, document);
                s.setString(2, check.name());
                s.setInt(3, check.score());
                s.setString(4, check.reason());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
