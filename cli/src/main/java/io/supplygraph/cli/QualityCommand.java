package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.Quality;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"How far an SBOM can be trusted to say what is in it: a score from 0 to 10, the weighted mean of"
                + " its checks (NTIA minimum elements, BSI TR-03183-2 v2.0 fields, structure), and each check's"
                + " verdict (pass, fail, not_applicable), score and reason. The README lists the checks and weights.",
                "Without DIGEST: every SBOM with its score, as documents shows it.",
                "--json prints an array: with DIGEST one object (digest, format, spec_version, score, checks)."})
final class QualityCommand extends QueryCommand {

    @Parameters(paramLabel = "DIGEST", arity = "0..1", description = "An SBOM, by digest or digest prefix.")
    String digest;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        if (digest == null) {
            List<Document> sboms = graph.ingestedDocuments().stream().filter(d -> d.format().isSbom()).toList();
            print(out, sboms, "digest", "format", "subject", "quality");
            note(sboms.size() + " SBOMs");
            return 0;
        }
        Quality quality = graph.quality(digest);
        if (json) {
            Output.json(out, List.of(quality));
            return 0;
        }
        print(out, quality.checks(), "check", "standard", "weight", "verdict", "score", "reason");
        note(quality.score() == null ? quality.digest() + " was ingested before quality was measured: delete it and"
                + " ingest it again to score it" : quality.digest() + " scores " + quality.score() + " of 10");
        return 0;
    }
}
