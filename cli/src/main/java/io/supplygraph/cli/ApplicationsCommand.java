package io.supplygraph.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "applications", mixinStandardHelpOptions = true,
        description = {"Every application (a document's subject without its version, or the name ingest --app gave)"
                + " with its releases, newest first: each release's documents, the documents newer ones replaced"
                + " (ingest --replace), and its open findings by severity, per-application VEX applied.",
                "--json prints one object per application: application, latest, releases (release, documents,"
                        + " superseded, ingested, findings), documents, findings (of the latest release)."})
final class ApplicationsCommand extends ListCommand {

    private static final List<Column> COLUMNS = List.of(Column.of("application"), Column.of("release"),
            Column.of("latest"), Column.of("documents").titled("docs"), Column.of("superseded"),
            Column.of("malicious").titled("mal"), Column.of("critical"), Column.of("high"), Column.of("medium"),
            Column.of("low"), Column.of("unrated"));

    @Mixin
    LatestOption releases;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<ApplicationReleases> applications = graph.applications(releases.latest);
        List<ApplicationReleases> page = page(applications);
        if (json) {
            Output.json(out, page);
        } else {
            print(out, perRelease(page), COLUMNS);
        }
        note(applications.size() + (applications.size() == 1 ? " application, " : " applications, ")
                + applications.stream().mapToInt(a -> a.releases().size()).sum() + " releases shown");
        return 0;
    }

    /** A table row per release, its documents counted and its findings spread into columns. */
    private static List<ObjectNode> perRelease(List<ApplicationReleases> applications) {
        List<ObjectNode> rows = new ArrayList<>();
        for (ApplicationReleases a : applications) {
            for (ApplicationReleases.Release r : a.releases()) {
                ObjectNode row = Json.mapper().createObjectNode();
                row.put("application", a.application());
                row.put("release", r.release());
                row.put("latest", Objects.equals(r.release(), a.latest()) ? "yes" : "");
                row.put("documents", r.documents().size());
                row.put("superseded", r.superseded().size());
                row.setAll((ObjectNode) Json.tree(r.findings()));
                rows.add(row);
            }
        }
        return rows;
    }
}
