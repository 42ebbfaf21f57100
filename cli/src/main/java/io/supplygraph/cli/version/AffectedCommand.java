package io.supplygraph.cli.version;

import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.versions.VersionQuestions;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.model.ecosystem.Ecosystem;
import io.supplygraph.model.osv.OsvRecord;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Option(names = "--osv", required = true, paramLabel = "FILE",
            description = "OSV record, JSON or YAML (as the PyPA advisory database writes them)")
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
        if (Ecosystem.fromOsvName(ecosystem).or(() -> Ecosystem.fromPurlType(ecosystem, null)).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown ecosystem '" + ecosystem + "' (see 'supplygraph versions ecosystems')");
        }
        OsvRecord record;
        try {
            record = read(osv);
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot read OSV record " + osv + ": " + e.getMessage());
            return 1;
        }
        VersionQuestions.Affected answer;
        try {
            answer = VersionQuestions.affected(ecosystem, record, version, packageName);
        } catch (NotFoundException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.compact(answer) : answer.verdict() + " (" + answer.decidedBy() + ")");
        out.flush();
        return 0;
    }

    /**
     * JSON when it starts with a brace, else YAML, as {@code osv import} reads them; bound straight to the record, so
     * an unquoted YAML version such as {@code 1.10} stays the text it is. YAML is bounded before it is parsed.
     */
    static OsvRecord read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(ReadLimits.MAX_YAML_DOCUMENT + 1);
        }
        String text = new String(bytes, StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "");
        if (text.startsWith("{")) {
            return ReadLimits.jsonMapper().readValue(file.toFile(), OsvRecord.class);
        }
        if (bytes.length > ReadLimits.MAX_YAML_DOCUMENT) {
            throw new IOException(ReadLimits.yamlTooLong());
        }
        return ReadLimits.yamlMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(bytes, OsvRecord.class);
    }
}
