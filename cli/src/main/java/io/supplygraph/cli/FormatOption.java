package io.supplygraph.cli;

import io.supplygraph.cli.output.Format;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --format table|json|csv|sarif}, for the commands whose answer other tools read (code scanning, ticketing,
 * spreadsheets). {@code --json} stays what it was, a synonym of {@code --format json}.
 */
final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (the default), json (as --json), csv (a header, then one line per row) or sarif"
                    + " (SARIF 2.1.0, for GitHub code scanning).")
    Format format;

    /** The format asked for; {@code --json} with another {@code --format} is a usage error. */
    Format resolve(boolean json, CommandSpec spec) {
        if (json && format != null && format != Format.JSON) {
            throw new ParameterException(spec.commandLine(), "--json and --format " + format.name().toLowerCase(
                    java.util.Locale.ROOT) + " ask for two formats; give one");
        }
        return json ? Format.JSON : format == null ? Format.TABLE : format;
    }
}
