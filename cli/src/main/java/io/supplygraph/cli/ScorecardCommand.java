package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.provenance.Scorecards.Scorecard;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "The OpenSSF Scorecard of a package's source repository (from its purl, SBOM VCS references"
                + " or provenance), or of a repository named by URL.")
final class ScorecardCommand extends QueryCommand {

    @Parameters(paramLabel = "PURL|REPOSITORY",
            description = "A purl (any version when it has none), or a repository URL such as github.com/owner/repo.")
    String target;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Scorecard> scorecards = graph.scorecard(target);
        print(out, scorecards.stream().map(ScorecardCommand::scorecard).toList(),
                List.of("repository", "score", "revision", "date", "via", "document"));
        if (!json) {
            for (Scorecard s : scorecards) {
                out.println();
                out.println(s.repository() + " (" + s.score() + ")");
                print(out, s.checks().stream()
                                .map(c -> row("check", c.name(), "score", c.score(), "reason", c.reason()))
                                .toList(),
                        List.of("check", "score", "reason"));
            }
        }
        note(scorecards.isEmpty() ? "no scorecard found for " + target : scorecards.size() + " scorecards");
        return 0;
    }

    private static Map<String, Object> scorecard(Scorecard s) {
        return row("repository", s.repository(), "score", s.score(), "revision", s.revision(), "date", s.scoredOn(),
                "scorecard_version", s.scorecardVersion(), "via", s.via(),
                "checks", s.checks().stream()
                        .map(c -> row("name", c.name(), "score", c.score(), "reason", c.reason())).toList(),
                "document", s.document());
    }
}
