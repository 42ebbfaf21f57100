package io.supplygraph.cli;

import io.supplygraph.store.MissingGraphException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code supplygraph} command: one sub-command per question. */
@Command(
        name = "supplygraph",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A software-supply-chain knowledge graph: SBOMs, attestations, VEX and advisories in one graph.",
        subcommands = {
            DemoCommand.class,
            IngestCommand.class,
            DocumentsCommand.class,
            PackagesCommand.class,
            DepsCommand.class,
            DependentsCommand.class,
            ApplicationsCommand.class,
            PathCommand.class,
            DriftCommand.class,
            VexCommand.class,
            LicensesCommand.class,
            ExportCommand.class,
            QualityCommand.class,
            ProvenanceCommand.class,
            ScorecardCommand.class,
            OsvCommand.class,
            CveCommand.class,
            VulnsCommand.class,
            FixCommand.class,
            KevCommand.class,
            EpssCommand.class,
            VulnCommand.class,
            MaliciousCommand.class,
            CheckCommand.class,
            StatsCommand.class,
            VerifyCommand.class,
            ServeCommand.class,
            WorkerCommand.class,
            QueueCommand.class,
            TokenCommand.class,
            PushCommand.class,
            CommandLine.HelpCommand.class,
            io.supplygraph.cli.version.VersionsCommand.class,
        })
public final class Main {

    /** Exit code when the command line itself was wrong (picocli's own default is 2 too). */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        // The main thread's OutOfMemoryError leaves execute() (picocli handles only exceptions) and reaches this too.
        Thread.setDefaultUncaughtExceptionHandler(OutOfMemory.handler(System.err, System::exit));
        System.exit(commandLine().execute(args));
    }

    /** Exit code when the work itself failed: the database is unreachable, a file cannot be written. */
    public static final int EXIT_FAILURE = 1;

    private final Terminal terminal;

    public Main() {
        this(Terminal.system());
    }

    private Main(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Where the output goes, for every command to ask: cut to fit, and who may be asked before deleting. */
    Terminal terminal() {
        return terminal;
    }

    static CommandLine commandLine() {
        return commandLine(Terminal.system());
    }

    static CommandLine commandLine(Terminal terminal) {
        CommandLine cli = new CommandLine(new Main(terminal));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(Main::handle);
        return cli;
    }

    /**
     * A wrong argument found only while running (an invalid purl, an unknown digest) is a usage error like a
     * wrong option; anything else is a failure. Either way the user gets one line, not a stack trace, unless
     * SUPPLYGRAPH_DEBUG is set.
     */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("supplygraph " + cli.getCommandName() + ": " + message(e));
        if (System.getenv("SUPPLYGRAPH_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILURE;
    }

    private static String message(Throwable e) {
        if (e instanceof MissingGraphException missing) {
            return StoreOption.missing(missing);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The version and commit the build recorded ({@code cli/pom.xml}); a build that recorded none says so. */
    static final class Version implements CommandLine.IVersionProvider {
        static final String RESOURCE = "/supplygraph-build.properties";

        @Override
        public String[] getVersion() throws IOException {
            Properties build = build();
            if (build == null) {
                return new String[] {"supplygraph development build (no build information)"};
            }
            return new String[] {"supplygraph " + build.getProperty("version", "unknown") + " (commit "
                    + build.getProperty("commit", "unknown") + ")"};
        }

        /** The version alone ({@code 0.1.0-SNAPSHOT}), or null for a build that recorded none. */
        static String number() {
            try {
                Properties build = build();
                return build == null ? null : build.getProperty("version");
            } catch (IOException e) {
                return null;
            }
        }

        private static Properties build() throws IOException {
            try (InputStream in = Main.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return null;
                }
                Properties build = new Properties();
                build.load(in);
                return build;
            }
        }
    }
}
