package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Format;
import io.supplygraph.cli.output.Output;
import io.supplygraph.model.fact.AdvisoryFacts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "vulns", mixinStandardHelpOptions = true,
        description = {"Vulnerabilities and malicious packages in the graph: one row per package version and"
                + " vulnerability (advisories that alias each other are one), malicious packages first, then the most"
                + " severe (by score, then rating), then by purl and id.",
                "Without --all only findings with status affected; --all adds unknown ones (ranges that cannot decide,"
                        + " such as commit ranges)."})
final class VulnsCommand extends ListCommand {

    /** The columns a table shows of a finding's lists: what fixes it, and the subjects of the documents with it. */
    static final Column FIXED = Column.of("fixed").joined(", ");
    static final Column DOCUMENTS = Column.of("documents").each("subject").joined(", ");
    /** When a finding entered CISA's KEV catalog, and its EPSS probability. */
    static final Column KEV = Column.of("kev").each("date_added");
    static final Column EPSS = Column.of("epss").each("probability");

    static final class Scope {
        @Option(names = "--doc", paramLabel = "DIGEST", description = "Only what this document contains.")
        String document;

        @Option(names = "--purl", paramLabel = "PURL", description = "Only this package (any version without one).")
        String purl;
    }

    @ArgGroup(exclusive = true)
    Scope scope = new Scope();

    @Option(names = "--severity", paramLabel = "LEVEL", converter = SeverityOption.class,
            description = "At least this severity: none, low, medium, high or critical (any case). Malicious"
                    + " packages always show.")
    Severity severity;

    @Option(names = "--all", description = "Also findings whose status is not affected (unknown, VEX statuses).")
    boolean all;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = SeverityOption.class,
            description = "Exit 1 when a finding of the answer (every page of it) is still exposed after VEX (affected"
                    + " or under investigation) and rated at least LEVEL, or is a malicious package. For CI gates.")
    Severity failOn;

    @Option(names = "--sort", paramLabel = "ORDER", converter = SortOption.class,
            description = "severity (the default: score, then rating), risk (severity weighted by KEV and EPSS, see"
                    + " the README) or epss (probability of exploitation). Malicious packages always come first.")
    Vulns.Sort sort = Vulns.Sort.SEVERITY;

    /** {@code --format}: {@link QueryCommand#format} reads it. */
    @Mixin
    FormatOption formats;

    @Option(names = "--kev", description = "Only findings in CISA's Known Exploited Vulnerabilities catalog.")
    boolean kev;

    static final class SortOption implements ITypeConverter<Vulns.Sort> {
        @Override
        public Vulns.Sort convert(String value) {
            try {
                return Vulns.Sort.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A rating in any case; anything else is a usage error naming the ratings. */
    static final class SeverityOption implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    int run(Supplygraph graph, PrintWriter out) {
        List<Finding> findings = graph.vulns(new Vulns.Query(scope.document, scope.purl, severity, all, sort, kev));
        if (findings.isEmpty() && scope.purl != null) {
            graph.requirePackage(scope.purl);
        }
        // The kind is left to --json: a malicious package's id says it (MAL-), and it sorts first. KEV and EPSS
        // take columns only when some finding has them, so that a table without exploit data keeps its width.
        boolean exploits = findings.stream().anyMatch(f -> f.kev() != null || f.epss() != null);
        List<Column> columns = new ArrayList<>(List.of(Column.purl("purl"), Column.of("id").atLeast(19),
                Column.of("severity"), Column.of("score"), FIXED, Column.of("status")));
        if (exploits) {
            columns.addAll(List.of(KEV, EPSS));
        }
        columns.add(DOCUMENTS);
        List<Finding> shown = page(findings);
        if (format() == Format.SARIF) {
            Output.json(out, new FindingsSarif(graph).findings(shown).sarif().log());
            afterTable();
        } else {
            print(out, shown, columns);
        }
        note(findings.size() + " findings");
        if (failOn == null) {
            return 0;
        }
        long failing = findings.stream().filter(this::fails).count();
        if (failing > 0) {
            spec.commandLine().getErr().println(failing + " findings at or above " + failOn.label() + " (--fail-on)");
            spec.commandLine().getErr().flush();
        }
        return failing > 0 ? Main.EXIT_FAILURE : 0;
    }

    /** Unrated findings pass a gate of any level above none: nothing says how severe they are. */
    private boolean fails(Finding f) {
        return f.status().stillExposed() && (f.kind() == AdvisoryFacts.Kind.MALICIOUS
                || f.severity() != null && f.severity().atLeast(failOn));
    }
}
