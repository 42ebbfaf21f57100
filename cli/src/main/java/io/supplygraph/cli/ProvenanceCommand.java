package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.provenance.Provenances.Build;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "provenance", mixinStandardHelpOptions = true,
        description = "How a package version or an artifact was built, by which builder, from which source, and"
                + " who vouches for it (SLSA provenance, found through artifact digests across documents).")
final class ProvenanceCommand extends QueryCommand {

    @Parameters(paramLabel = "PURL|DIGEST",
            description = "A purl (its artifacts' digests are followed) or an artifact's sha256:<hex> digest.")
    String target;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Build> builds = graph.provenance(target);
        print(out, builds.stream().map(ProvenanceCommand::build).toList(),
                List.of("subject", "builder", "source", "revision", "level", "trust", "document"));
        note(builds.isEmpty() ? "no provenance found for " + target : builds.size() + " builds");
        return 0;
    }

    private static Map<String, Object> build(Build b) {
        return row("via", b.via(), "subject", b.subject(), "subject_name", b.subjectName(), "builder", b.builder(),
                "build_type", b.buildType(), "slsa_version", b.slsaVersion(), "level", b.level(),
                "source", b.source(), "revision", b.sourceRevision(), "started_on", b.startedOn(),
                "finished_on", b.finishedOn(), "invocation_id", b.invocationId(),
                "external_parameters", b.externalParameters(),
                "materials", b.materials().stream().map(m -> row("uri", m.uri(), "digest", m.digest(),
                        "repository", m.repository(), "revision", m.revision())).toList(),
                "trust", b.trust(), "document", b.document());
    }
}
