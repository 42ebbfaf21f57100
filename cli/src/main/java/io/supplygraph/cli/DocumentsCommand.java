package io.supplygraph.cli;

import static io.supplygraph.cli.output.Rows.row;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "documents", mixinStandardHelpOptions = true,
        description = "List the ingested documents; 'documents show' and 'documents delete' act on one.",
        subcommands = {DocumentsCommand.Show.class, DocumentsCommand.Delete.class})
final class DocumentsCommand extends QueryCommand {

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        print(out, graph.documents().stream().map(DocumentsCommand::toRow).toList(),
                List.of("digest", "format", "components", "subject", "trust", "ingested"));
        return 0;
    }

    static Map<String, Object> toRow(DocumentRow d) {
        return row("digest", d.digest(), "format", d.format(), "spec_version", d.specVersion(), "name", d.name(),
                "subject", subject(d), "subject_purl", d.subjectPurl(), "components", d.componentCount(),
                "warnings", d.warningCount(), "size", d.sizeBytes(), "source", d.source(), "ingested", d.ingestedAt(),
                "trust", d.trust().label(), "signer", d.trust().signer(), "trust_reason", d.trust().reason());
    }

    private static String subject(DocumentRow d) {
        if (d.subjectPurl() == null) {
            return null;
        }
        if (!d.subjectSynthetic()) {
            return d.subjectPurl();
        }
        return d.subjectVersion() == null ? d.subjectName() : d.subjectName() + "@" + d.subjectVersion();
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One document, with the warnings its ingest produced.")
    static final class Show extends QueryCommand {
        @Parameters(paramLabel = "DIGEST", description = "sha256:<hex>, or enough of its start to be unambiguous")
        String digest;

        @Override
        int run(Supplygraph graph, PrintWriter out) {
            DocumentRow d = graph.document(digest);
            Map<String, Object> row = toRow(d);
            List<String> warnings = graph.warnings(d);
            row.put("warning_messages", warnings);
            if (json) {
                io.supplygraph.cli.output.Output.json(out, List.of(row));
            } else {
                row.forEach((k, v) -> out.printf("%-16s %s%n", k, v instanceof List<?> l ? "" : v));
                warnings.forEach(w -> out.println("  warning: " + w));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a document and every fact only it asserted.")
    static final class Delete extends QueryCommand {
        @Parameters(paramLabel = "DIGEST", description = "sha256:<hex>, or enough of its start to be unambiguous")
        String digest;

        @Override
        int run(Supplygraph graph, PrintWriter out) {
            DocumentRow d = graph.deleteDocument(digest);
            print(out, List.of(row("deleted", d.digest(), "source", d.source())), List.of("deleted", "source"));
            return 0;
        }
    }
}
