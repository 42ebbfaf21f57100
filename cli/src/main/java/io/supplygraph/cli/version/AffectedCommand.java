package io.supplygraph.cli.version;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.model.ecosystem.Ecosystem;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvRangeEvaluator;
import io.supplygraph.model.osv.OsvRecord;
import io.supplygraph.model.osv.OsvVerdict;
import io.supplygraph.model.osv.OsvVerdict.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code versions affected}: is VERSION affected by an OSV record, and which range says so. */
@Command(name = "affected", mixinStandardHelpOptions = true,
        description = {"Answers 'affected', 'not affected' or 'unknown' for VERSION against the affected[] entries "
                + "of an OSV record for the ecosystem, and names the range or version list that decided.",
            "Exit code 0 whatever the answer; 1 when the record has no entry for the ecosystem or cannot be read."})
public final class AffectedCommand implements Callable<Integer> {

    @Option(names = {"-e", "--ecosystem"}, required = true, paramLabel = "ECOSYSTEM",
            description = "OSV ecosystem (PyPI, Debian:12) or purl type (pypi, deb), any case")
    String ecosystem;

    @Option(names = "--osv", required = true, paramLabel = "FILE", description = "OSV record (JSON)")
    Path osv;

    @Option(names = {"-p", "--package"}, paramLabel = "NAME", description = "only entries for this package name")
    String packageName;

    @Option(names = "--json", description = "answer as a JSON object")
    boolean json;

    @Parameters(paramLabel = "VERSION")
    String version;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Ecosystem wanted = Ecosystem.fromOsvName(ecosystem)
                .or(() -> Ecosystem.fromPurlType(ecosystem, null))
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "unknown ecosystem '" + ecosystem + "' (see 'supplygraph versions ecosystems')"));
        OsvRecord record;
        ObjectMapper mapper = ReadLimits.jsonMapper();
        try {
            record = mapper.readValue(osv.toFile(), OsvRecord.class);
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot read OSV record " + osv + ": " + e.getMessage());
            return 1;
        }
        List<OsvAffected> entries = record.affected().stream()
                .filter(a -> a.pkg() != null && a.pkg().ecosystem() != null)
                .filter(a -> Ecosystem.fromOsvName(a.pkg().ecosystem()).equals(Optional.of(wanted)))
                .filter(a -> packageName == null || packageName.equals(a.pkg().name()))
                .toList();
        if (entries.isEmpty()) {
            spec.commandLine().getErr().println("error: " + record.id() + " has no affected entry for "
                    + wanted.osvName() + (packageName == null ? "" : " package " + packageName));
            return 1;
        }
        OsvVerdict verdict = decide(entries);
        PrintWriter out = spec.commandLine().getOut();
        String answer = verdict.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (json) {
            ObjectNode node = mapper.createObjectNode()
                    .put("id", record.id()).put("version", version).put("verdict", answer)
                    .put("decidedBy", verdict.decidedBy());
            out.println(node.toString());
        } else {
            out.println(answer + " (" + verdict.decidedBy() + ")");
        }
        out.flush();
        return 0;
    }

    /** Affected by any entry wins; otherwise an undecidable entry makes the whole answer unknown. */
    private OsvVerdict decide(List<OsvAffected> entries) {
        OsvVerdict unknown = null;
        OsvVerdict notAffected = null;
        for (OsvAffected a : entries) {
            OsvVerdict v = OsvRangeEvaluator.forAffected(a).evaluate(a, version);
            String who = a.pkg().name() + " " + a.pkg().ecosystem() + ": ";
            OsvVerdict named = new OsvVerdict(v.verdict(), who + v.decidedBy());
            if (v.verdict() == Verdict.AFFECTED) {
                return named;
            }
            if (v.verdict() == Verdict.UNKNOWN && unknown == null) {
                unknown = named;
            } else if (notAffected == null) {
                notAffected = named;
            }
        }
        return unknown != null ? unknown : notAffected;
    }
}
