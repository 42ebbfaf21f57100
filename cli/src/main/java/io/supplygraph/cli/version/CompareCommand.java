package io.supplygraph.cli.version;

import io.supplygraph.analysis.versions.VersionQuestions;
import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.VersionScheme;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code versions compare}: one answer for A B, or one per line of stdin. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Prints <, = or > for A compared with B.",
            "Without A and B, reads lines 'A B' from stdin and answers each in order; an invalid version answers "
                    + "'error: REASON' on its line and the stream goes on."})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    SchemeOption scheme;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "VERSION", description = "A and B")
    String[] versions = new String[0];

    @Override
    public Integer call() throws IOException {
        VersionScheme s = scheme.scheme();
        if (versions.length == 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give two versions, or none to read stdin");
        }
        if (versions.length == 2) {
            try {
                spec.commandLine().getOut().println(VersionQuestions.symbol(s.compare(versions[0], versions[1])));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (InvalidVersionException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println(answer(s, line));
        }
        out.flush();
        return 0;
    }

    private static String answer(VersionScheme s, String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return "error: expected two versions separated by a space";
        }
        String a = trimmed.substring(0, space);
        String b = trimmed.substring(space + 1).strip();
        if (b.isEmpty() || b.indexOf(' ') >= 0) {
            return "error: expected two versions separated by a space";
        }
        try {
            return VersionQuestions.symbol(s.compare(a, b));
        } catch (InvalidVersionException e) {
            return "error: " + e.getMessage();
        }
    }
}
