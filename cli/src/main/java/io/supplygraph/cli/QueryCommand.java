package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Fit;
import io.supplygraph.cli.output.Format;
import io.supplygraph.cli.output.Output;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every query command shares: {@code --db}, {@code --json}, and the same exit codes. A query that finds
 * nothing still exits 0 (an empty answer is an answer); a usage error, such as an invalid purl, exits 2.
 */
abstract class QueryCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print a JSON array (stable field names) instead of a table.")
    boolean json;

    @Option(names = "--wide", description = "On a terminal, show every cell whole instead of cutting long ones to"
            + " the terminal's width (output to a file or a pipe is never cut).")
    boolean wide;

    @Spec
    CommandSpec spec;

    /** The name of the {@link FormatOption} mixin's field in the commands that take {@code --format}. */
    static final String FORMATS = "formats";

    @Override
    public final Integer call() {
        try (Supplygraph graph = createsGraph() ? store.openOrCreate() : store.open()) {
            return run(graph, spec.commandLine().getOut());
        }
    }

    /** Queries read the graph there is and create none, so that a mistyped --db is an error, not an empty answer. */
    boolean createsGraph() {
        return false;
    }

    abstract int run(Supplygraph graph, PrintWriter out);

    /** The views as JSON, or as a table of these fields. */
    void print(PrintWriter out, List<?> views, String... columns) {
        print(out, views, Column.all(columns));
    }

    void print(PrintWriter out, List<?> views, Column... columns) {
        print(out, views, List.of(columns));
    }

    /** The views as the format asks: a table, JSON or CSV of these columns (SARIF is each command's own). */
    void print(PrintWriter out, List<?> views, List<Column> columns) {
        if (format() == Format.CSV) {
            Output.csv(out, views, columns);
        } else {
            Output.print(out, format() == Format.JSON, views, columns, fit());
        }
        afterTable();
    }

    /**
     * How the answer is printed: {@code --json} or a table, or, for a command with a {@link FormatOption} mixin named
     * {@value #FORMATS}, what it asks for.
     */
    Format format() {
        CommandSpec formats = spec.mixins().get(FORMATS);
        return formats != null ? ((FormatOption) formats.userObject()).resolve(json, spec)
                : json ? Format.JSON : Format.TABLE;
    }

    /** What a command says once its table is out (a list says how many more there are). */
    void afterTable() {}

    /** On a terminal, its width, unless --wide; elsewhere no limit: a file or a pipe gets every character. */
    Fit fit() {
        return wide || format().whole() || !terminal().interactive() ? Fit.UNLIMITED : new Fit(terminal().columns());
    }

    /** Where the output goes (the root command's, so that a test can give one of its own). */
    Terminal terminal() {
        return ((Main) spec.root().userObject()).terminal();
    }

    /** A note for people (never for scripts): on stderr, and only with a table. */
    void note(String message) {
        if (format() == Format.TABLE) {
            spec.commandLine().getErr().println(message);
        }
    }
}
