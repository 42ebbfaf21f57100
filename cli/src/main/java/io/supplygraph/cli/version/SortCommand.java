package io.supplygraph.cli.version;

import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.Version;
import io.supplygraph.model.version.VersionScheme;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code versions sort}: stdin's versions in the ecosystem's order, oldest first. */
@Command(name = "sort", mixinStandardHelpOptions = true,
        description = {"Sorts the versions on stdin (one per line), oldest first.",
            "Invalid versions are reported on stderr and left out; the exit code is then 1."})
public final class SortCommand implements Callable<Integer> {

    @Mixin
    SchemeOption scheme;

    @CommandLine.Option(names = {"-r", "--reverse"}, description = "newest first")
    boolean reverse;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        VersionScheme s = scheme.scheme();
        List<Version> parsed = new ArrayList<>();
        int invalid = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String v = line.strip();
            if (v.isEmpty()) {
                continue;
            }
            try {
                parsed.add(s.parse(v));
            } catch (InvalidVersionException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                invalid++;
            }
        }
        // stable: versions that order as equal keep their input order
        Collections.sort(parsed);
        if (reverse) {
            Collections.reverse(parsed);
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
        for (Version v : parsed) {
            out.println(v.text());
        }
        out.flush();
        return invalid == 0 ? 0 : 1;
    }
}
