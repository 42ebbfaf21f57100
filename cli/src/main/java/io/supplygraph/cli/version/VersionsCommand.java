package io.supplygraph.cli.version;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code supplygraph versions}: compare, sort and match versions the way each ecosystem orders them. */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "Compare, sort and match versions the way each ecosystem orders them.",
        subcommands = {
            CompareCommand.class, SortCommand.class, AffectedCommand.class, EcosystemsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class VersionsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-command");
    }
}
