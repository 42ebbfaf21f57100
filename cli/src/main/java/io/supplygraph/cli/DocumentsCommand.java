package io.supplygraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.DocumentDetail;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "documents", mixinStandardHelpOptions = true,
        description = {"List the ingested documents, in the order they were ingested; 'documents show' and"
                + " 'documents delete' act on one.",
                "SBOMs, attestations, VEX and scorecards; advisories (one document per OSV record) only with --kind"
                        + " advisory or --kind all."},
        subcommands = {DocumentsCommand.Show.class, DocumentsCommand.Delete.class})
final class DocumentsCommand extends ListCommand {

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only these: sbom, attestation, vex, scorecard, advisory, or all. Default: all but advisories.")
    DocumentKind kind;

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Document> all = graph.documents();
        List<Document> listed = all.stream().filter(d -> DocumentKind.listed(kind, d.format())).toList();
        print(out, page(listed), "digest", "format", "components", "subject", "trust", "quality", "ingested");
        if (kind == null && listed.size() < all.size()) {
            note((all.size() - listed.size()) + " advisories not listed: --kind advisory");
        }
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One document, with the warnings its ingest produced.")
    static final class Show extends QueryCommand {
        @Parameters(paramLabel = "DIGEST", description = "sha256:<hex>, or enough of its start to be unambiguous")
        String digest;

        @Override
        int run(Supplygraph graph, PrintWriter out) {
            DocumentDetail detail = new DocumentDetail(graph.document(digest), graph.warnings(digest));
            if (json) {
                Output.json(out, List.of(detail));
                return 0;
            }
            Json.tree(detail).fields().forEachRemaining(field -> out.printf("%-16s %s%n", field.getKey(),
                    text(field.getValue())));
            detail.warningMessages().forEach(w -> out.println("  warning: " + w));
            out.flush();
            return 0;
        }

        /** The warnings are listed below, one a line, rather than in their field's line. */
        private static String text(JsonNode value) {
            return value.isArray() ? "" : value.isNull() ? "null" : value.asText();
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a document and every fact only it asserted.",
                    "It says which document goes, and on a terminal asks first. Without a terminal (a script) it needs"
                            + " the full digest, or --yes for a prefix. Exit code 1 when told no."})
    static final class Delete extends QueryCommand {
        @Parameters(paramLabel = "DIGEST", description = "sha256:<hex>, or enough of its start to be unambiguous"
                + " with --yes or on a terminal")
        String digest;

        @Option(names = {"-y", "--yes"}, description = "Delete without asking, a digest prefix too.")
        boolean yes;

        @Override
        int run(Supplygraph graph, PrintWriter out) {
            Document document = graph.document(digest);
            PrintWriter err = spec.commandLine().getErr();
            err.printf("deleting %s  %s  %s  (%d components, from %s)%n", document.digest(), document.format().label(),
                    document.subject() != null ? document.subject() : document.name(), document.components(),
                    document.source());
            err.flush();
            if (!yes && terminal().interactive()) {
                if (!terminal().confirm("delete it and every fact only it asserted? [y/N] ")) {
                    err.println("nothing deleted");
                    err.flush();
                    return Main.EXIT_FAILURE;
                }
            } else if (!yes && !isWhole(document.digest())) {
                throw new IllegalArgumentException(digest + " is only the start of " + document.digest()
                        + ": give the whole digest, or --yes");
            }
            print(out, List.of(graph.deleteDocument(document.digest())), "deleted", "source");
            return 0;
        }

        /** The digest as given is the whole of the document's: with or without its algorithm, in any case. */
        private boolean isWhole(String documentDigest) {
            String given = digest.strip();
            return documentDigest.equalsIgnoreCase(given) || documentDigest.endsWith(":" + given.toLowerCase());
        }
    }
}
