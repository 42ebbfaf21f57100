package io.supplygraph.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the CLI as a user makes it: arguments in; exit code, stdout and stderr out. */
record CliRun(int exit, String out, String err) {

    /** A run against the graph at {@code db}: the arguments, then {@code --db db}. */
    static CliRun against(java.nio.file.Path db, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = db.toString();
        return of(all);
    }

    /** The demo's graph, built by {@code supplygraph demo} in this folder, for tests that only read it. */
    static java.nio.file.Path demo(java.nio.file.Path folder) {
        java.nio.file.Path db = folder.resolve("demo.db");
        CliRun built = of("demo", "--db", db.toString());
        if (built.exit() != 0) {
            throw new IllegalStateException("supplygraph demo failed: " + built.err());
        }
        return db;
    }

    /** Run as a script runs it: the output piped, nobody to ask. */
    static CliRun of(String... args) {
        return on(Terminal.piped(), args);
    }

    /** Run with the output on this terminal. */
    static CliRun on(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(terminal);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
