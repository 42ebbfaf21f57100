package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.cli.output.Column;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
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

    @Option(names = "--sort", paramLabel = "ORDER", converter = SortOption.class,
            description = "severity (the default: score, then rating), risk (severity weighted by KEV and EPSS, see"
                    + " the README) or epss (probability of exploitation). Malicious packages always come first.")
    Vulns.Sort sort = Vulns.Sort.SEVERITY;

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
        print(out, page(findings), Column.of("kind"), Column.of("purl"), Column.of("id"), Column.of("severity"),
                Column.of("score"), FIXED, Column.of("status"), KEV, EPSS, DOCUMENTS);
        note(findings.size() + " findings");
        return 0;
    }
}
