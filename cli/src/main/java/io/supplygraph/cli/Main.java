package io.supplygraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code supplygraph} command: one sub-command per question. */
@Command(
        name = "supplygraph",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A software-supply-chain knowledge graph: SBOMs, attestations, VEX and advisories in one graph.",
        subcommands = {
            CommandLine.HelpCommand.class,
            io.supplygraph.cli.version.VersionsCommand.class,
        })
public final class Main {

    /** Exit code when the command line itself was wrong (picocli's own default is 2 too). */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"supplygraph " + (v == null ? "development build" : v)};
        }
    }
}
