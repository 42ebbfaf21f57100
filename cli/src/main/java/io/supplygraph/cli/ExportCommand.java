package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vex.VexExport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true, subcommands = ExportCommand.Vex.class,
        description = "Writes what the graph knows in formats other tools read.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "vex", mixinStandardHelpOptions = true,
            description = {"The findings of one document, one application or (with neither, OpenVEX only) the portfolio"
                    + " as an OpenVEX 0.2.0 document or a CycloneDX 1.6 VEX BOM on stdout: per vulnerability and"
                    + " application (the product) the"
                    + " package versions (subcomponents) with their status: a VEX statement's where one decides,"
                    + " else affected (with an action statement naming the fixed versions), or under_investigation"
                    + " where the advisory's ranges cannot decide; justification and impact statement as the"
                    + " deciding statement gives them. Malicious packages are left out.",
                    "Ingesting the export elsewhere gives back the same statements."})
    static final class Vex implements Callable<Integer> {

        @ArgGroup(exclusive = true)
        ReportScope scope = new ReportScope();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "openvex",
                description = "openvex (OpenVEX 0.2.0, the default) or cyclonedx (CycloneDX 1.6 VEX, for one"
                        + " document or application: its analyses speak for the BOM's one subject).")
        String format;

        @Mixin
        StoreOption store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            VexExport.Format chosen;
            try {
                chosen = VexExport.Format.parse(format);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (chosen == VexExport.Format.CYCLONEDX && scope.portfolio()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format cyclonedx needs --doc"
                        + " or --app: CycloneDX VEX speaks for one product, the BOM's subject");
            }
            try (Supplygraph graph = store.open()) {
                PrintWriter out = spec.commandLine().getOut();
                out.println(graph.exportVex(chosen, scope.document, scope.application, Instant.now()));
                out.flush();
                return 0;
            }
        }
    }
}
