package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.cli.output.Column;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "The OpenSSF Scorecard of a package's source repository (from its purl, SBOM VCS references"
                + " or provenance), or of a repository named by URL; by repository, newest result first.")
final class ScorecardCommand extends ListCommand {

    @Parameters(paramLabel = "PURL|REPOSITORY",
            description = "A purl (any version when it has none), or a repository URL such as github.com/owner/repo.")
    String target;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Scorecard> scorecards = graph.scorecard(target);
        List<Scorecard> page = page(scorecards);
        print(out, page, "repository", "score", "revision", "date", "via", "document");
        if (!json) {
            for (Scorecard s : page) {
                out.println();
                out.println(s.repository() + " (" + s.score() + ")");
                print(out, s.checks(), Column.of("name").titled("check"), Column.of("score"), Column.of("reason"));
            }
        }
        note(scorecards.isEmpty() ? "no scorecard found for " + target : scorecards.size() + " scorecards");
        return 0;
    }
}
