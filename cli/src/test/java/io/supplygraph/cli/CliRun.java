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
