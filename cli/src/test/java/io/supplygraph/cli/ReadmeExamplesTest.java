package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ./supplygraph ...} example of the README, run against the demo's graph (a fresh copy each, since some
 * write), must succeed and print something: an example that answers nothing teaches nothing. The few that need what
 * no demo has (files of the reader's own, a network, a server) are named below with the reason.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("../README.md");
    /** In backticks (the command table, the text), or alone on a line of a code block. */
    private static final Pattern EXAMPLE = Pattern.compile("`(?:[A-Z_]+=\\$\\()?(\\./supplygraph[^`]*)`"
            + "|(?m)^(\\./supplygraph .*?)\\s*(?:#.*)?$");

    /** The examples that cannot run against the demo, and why. */
    private static final Map<String, String> NEED_MORE_THAN_THE_DEMO = Map.ofEntries(
            Map.entry("./supplygraph ingest ~/sboms/ image.spdx.json.gz bundle.zip", "the reader's own files"),
            Map.entry("./supplygraph ingest --app billing --release 2026.11 build/sbom/", "the reader's own files"),
            Map.entry("./supplygraph ingest --replace nightly/juice-shop-14.1.1.cdx.json", "the reader's own files"),
            Map.entry("./supplygraph verify app.sigstore.json", "a bundle and trusted root of the reader's own"),
            Map.entry("./supplygraph osv import ~/osv/PyPI/all.zip advisory-database/vulns/",
                    "the reader's own OSV download"),
            Map.entry("./supplygraph osv sync --ecosystem PyPI --ecosystem npm", "the network"),
            Map.entry("./supplygraph cve import cvelistV5-main/cves/2024/", "the reader's own cvelistV5 download"),
            Map.entry("./supplygraph cve sync", "the network"),
            Map.entry("./supplygraph kev import known_exploited_vulnerabilities.json", "the reader's own KEV catalog"),
            Map.entry("./supplygraph epss import epss_scores-2026-11-29.csv.gz", "the reader's own EPSS scores"),
            Map.entry("./supplygraph fix --app pkg:oci/payments@sha256%3A0d7e... --manifest",
                    "the reader's own manifest"),
            Map.entry("./supplygraph serve --port 8080", "runs until stopped (ServerApiTest serves the same graph)"),
            Map.entry("./supplygraph push --server http://graph:8080 build/sbom/", "a server"),
            Map.entry("./supplygraph push --server http://graph:8080 --app billing", "a server"),
            Map.entry("./supplygraph versions sort --ecosystem cargo", "standard input"),
            Map.entry("./supplygraph serve --db jdbc:postgresql://db/graph?user=sg --queue nats://nats:4222",
                    "PostgreSQL and NATS (QueuedUploadsTest serves with a queue)"),
            Map.entry("./supplygraph worker --db jdbc:postgresql://db/graph?user=sg --queue nats://nats:4222",
                    "PostgreSQL and NATS, and runs until stopped (ScaleOutTest runs workers)"),
            Map.entry("./supplygraph queue status --queue nats://nats:4222", "NATS"),
            Map.entry("./supplygraph queue status --queue nats://nats:4222 --db jdbc:postgresql://db/graph?user=sg",
                    "NATS and PostgreSQL"),
            Map.entry("./supplygraph queue retry --queue nats://nats:4222", "NATS"),
            Map.entry("./supplygraph check --policy cli/src/main/resources/demo/policy.yaml",
                    "exits 1: the demo breaks the example policy, as CheckCommandTest checks"),
            Map.entry("./supplygraph push --server http://ci-graph:8080 build/sbom/ build/attestations/", "a server"));

    @TempDir
    static Path tmp;

    private static Path demo;

    @BeforeAll
    static void demo() {
        demo = CliRun.demo(tmp);
    }

    static List<String> examples() throws IOException {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = EXAMPLE.matcher(Files.readString(README));
        while (m.find()) {
            String example = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            found.add(example.endsWith(")") ? example.substring(0, example.length() - 1) : example);
        }
        found.remove("./supplygraph");
        return found.stream().filter(e -> NEED_MORE_THAN_THE_DEMO.keySet().stream().noneMatch(e::startsWith)).toList();
    }

    @Test
    void theReadmeHasExamplesAndEveryExceptionIsOneOfThem() throws IOException {
        String readme = Files.readString(README);
        assertThat(examples()).hasSizeGreaterThan(15);
        assertThat(NEED_MORE_THAN_THE_DEMO.keySet()).allSatisfy(e -> assertThat(readme).contains(e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void anExampleAnswersFromTheDemo(String example) throws IOException {
        List<String> args = new ArrayList<>(Arrays.asList(example.substring("./supplygraph ".length()).split(" +")));
        // Paths in the examples are from the repository's root; the tests run in the module's folder.
        args.replaceAll(a -> a.startsWith("cli/") && Files.exists(Path.of("..", a)) ? Path.of("..", a).toString() : a);
        if (!args.get(0).equals("versions")) {
            Path copy = Files.createTempDirectory(tmp, "example").resolve("demo.db");
            Files.copy(demo, copy);
            args.addAll(List.of("--db", copy.toString()));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(example + "\n" + run.err()).isZero();
        assertThat(run.out()).as(example + " prints an answer").isNotBlank();
    }
}
