package io.supplygraph.model.fact;

import io.supplygraph.model.SourceRepository;
import java.util.List;

/**
 * An OpenSSF Scorecard result: an aggregate score and per-check scores of one source repository at one commit.
 *
 * @param repository       the repository, its revision the commit that was scored (null when not given)
 * @param date             the date of the run, as written, or null
 * @param score            the aggregate score, 0 to 10
 * @param scorecardVersion the Scorecard release that scored it, or null
 * @param checks           each check's score (0 to 10, or -1 when Scorecard could not decide) and reason
 * @param warnings         what was wrong with single entries
 */
public record ScorecardFacts(
        SourceRepository repository,
        String date,
        double score,
        String scorecardVersion,
        List<Check> checks,
        List<String> warnings) implements Facts {

    public ScorecardFacts {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }

    public record Check(String name, int score, String reason) {}

    @Override
    public String specVersion() {
        return scorecardVersion;
    }

    @Override
    public String name() {
        return repository.url();
    }

    @Override
    public int componentCount() {
        return 0;
    }
}
