package io.supplygraph.cli.version;

import io.supplygraph.analysis.versions.VersionQuestions;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code versions ecosystems}: the supported ecosystems, their purl types and version schemes. */
@Command(name = "ecosystems", mixinStandardHelpOptions = true,
        description = "Lists the supported ecosystems with their purl type and version scheme.")
public final class EcosystemsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-16s %-22s %s%n", "OSV ECOSYSTEM", "PURL", "VERSION SCHEME");
        for (VersionQuestions.EcosystemScheme e : VersionQuestions.ecosystems()) {
            out.printf("%-16s %-22s %s%n", e.osvName(), e.purl() == null ? "-" : e.purl(), e.scheme());
        }
        out.flush();
    }
}
