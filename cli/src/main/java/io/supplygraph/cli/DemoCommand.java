package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.cli.output.Column;
import io.supplygraph.cli.output.Output;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.model.DocumentFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Ingest a small example portfolio that ships with Supplygraph (five applications, five SBOM"
                + " formats, one nested SBOM, a VEX statement, a SLSA provenance attestation and an OpenSSF Scorecard)"
                + " and three OSV advisories written for the demo, and show what the graph answers.",
                "It uses its own database, ~/.supplygraph/demo.db, unless --db is given."})
final class DemoCommand implements Callable<Integer> {

    static final List<String> FILES = List.of("web-shop.cdx.json", "payments-image.spdx.json",
            "payments-service.cdx.xml", "billing.spdx", "inventory.spdx3.json", "web-shop.openvex.json",
            "payments-image.intoto.json", "acme-payments.scorecard.json");
    static final List<String> ADVISORIES = List.of("advisories/SGDEMO-2021-0001.json",
            "advisories/SGDEMO-2022-0002.json", "advisories/MAL-0000-0001.json");

    /** The image's digest, as far as it takes to name it: what provenance and scorecard examples give. */
    static final String PAYMENTS_IMAGE = "sha256:0d7e2b4c";

    @Option(names = "--db", paramLabel = "PATH|URL", description = "Where to build the demo graph.")
    String db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String location = db != null ? db : Supplygraph.DEFAULT_DATABASE.resolveSibling("demo.db").toString();
        Path folder = unpack(FILES);
        Path advisories = unpack(ADVISORIES);
        try (Supplygraph graph = Supplygraph.open(location)) {
            List<String> rejected = new ArrayList<>();
            IngestSummary summary = graph.ingest(List.of(folder.toString()), InputStream.nullInputStream(),
                    new IngestListener() {
                        @Override
                        public void rejected(String source, String reason) {
                            rejected.add(source + ": " + reason);
                        }
                    });
            var stats = graph.stats();
            out.printf("Ingested the example portfolio into %s%n", graph.location());
            out.printf("  %d new documents (%d already there), %d components listed; the graph holds %d documents,"
                            + " %d package versions, %d dependency edges, %d artifacts%n%n",
                    summary.stored(), summary.alreadyStored(), summary.components(), stats.documents(),
                    stats.versions(), stats.edges(), stats.artifacts());
            var imported = graph.importAdvisories(List.of(advisories.toString()), InputStream.nullInputStream(),
                    new IngestListener() {
                        @Override
                        public void rejected(String source, String reason) {
                            rejected.add(source + ": " + reason);
                        }
                    });
            out.printf("  %d advisories imported (%d already there)%n", imported.stored(), imported.alreadyStored());
            rejected.forEach(r -> out.println("  rejected: " + r));
            section(out, "Documents", "supplygraph documents");
            Output.table(out, graph.documents().stream().filter(d -> d.format() != DocumentFormat.OSV).toList(),
                    Column.all("format", "components", "subject", "name"));
            section(out, "Blast radius of log4j-core, any version",
                    "supplygraph dependents pkg:maven/org.apache.logging.log4j/log4j-core");
            Output.table(out, graph.dependents("pkg:maven/org.apache.logging.log4j/log4j-core"),
                    Column.all("subject", "version", "path"));
            section(out, "Drift of logback-classic", "supplygraph drift pkg:maven/ch.qos.logback/logback-classic");
            var drift = graph.drift("pkg:maven/ch.qos.logback/logback-classic");
            drift.versions().forEach(v -> out.printf("  %-8s used by %s%n", v.version(), String.join(", ", v.subjects())));
            out.printf("  %d applications are behind %s%n", drift.behind().size(), drift.newest());
            section(out, "How minimist 1.2.5 gets into web-shop",
                    "supplygraph path pkg:npm/minimist@1.2.5 pkg:generic/acme/web-shop@3.1.0");
            PathCommand.printFromTo(out, graph.path("pkg:npm/minimist@1.2.5", "pkg:generic/acme/web-shop@3.1.0"),
                    "pkg:npm/minimist@1.2.5");
            section(out, "Vulnerabilities and malicious packages", "supplygraph vulns");
            Output.table(out, graph.vulns(new Vulns.Query(null, null, null, false)),
                    List.of(Column.of("kind"), Column.of("purl"), Column.of("id"), Column.of("aliases").joined(", "),
                            Column.of("severity"), VulnsCommand.FIXED, VulnsCommand.DOCUMENTS));
            section(out, "What VEX says of minimist in web-shop",
                    "supplygraph vex --purl pkg:npm/minimist --vuln CVE-2021-44906");
            Output.table(out, graph.vex("pkg:npm/minimist", "CVE-2021-44906"),
                    Column.all("vulnerability", "product", "status", "justification"));
            section(out, "How the payments image was built", "supplygraph provenance " + PAYMENTS_IMAGE);
            Output.table(out, graph.provenance(PAYMENTS_IMAGE), Column.all("builder", "source", "revision", "level"));
            section(out, "The OpenSSF Scorecard of its source", "supplygraph scorecard pkg:oci/payments");
            Output.table(out, graph.scorecard("pkg:oci/payments"), Column.all("repository", "score", "date", "via"));
            section(out, "Blast radius of CVE-2021-44228", "supplygraph vuln CVE-2021-44228");
            graph.vuln("CVE-2021-44228").applications()
                    .forEach(a -> out.printf("  %s%n", String.join(" > ", a.path())));
            out.printf("%nExplore it yourself: ./supplygraph --help, with --db %s on each command,%n"
                    + "or in a browser: ./supplygraph serve --db %s, then http://127.0.0.1:8080/%n", location, location);
            out.flush();
            return rejected.isEmpty() ? 0 : 1;
        } finally {
            deleteRecursively(folder);
            deleteRecursively(advisories);
        }
    }

    private static void section(PrintWriter out, String title, String command) {
        out.printf("%n%s   ($ %s)%n", title, command);
    }

    private static Path unpack(List<String> names) throws IOException {
        Path folder = Files.createTempDirectory("supplygraph-demo");
        for (String name : names) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the demo document " + name + " is missing from the jar");
                }
                Files.copy(in, folder.resolve(Path.of(name).getFileName().toString()));
            }
        }
        return folder;
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
