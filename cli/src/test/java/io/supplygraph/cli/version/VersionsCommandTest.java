package io.supplygraph.cli.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VersionsCommandTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream rawOut = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(rawOut, true, StandardCharsets.UTF_8));
            CommandLine cli = new CommandLine(new Main());
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute(args);
            return new Run(exit, out + rawOut.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
    }

    @Test
    void comparesTwoVersionsAcceptingPurlTypesAndOsvNamesInAnyCase() {
        assertEquals("<\n", run("", "versions", "compare", "--ecosystem", "pypi", "1.0rc1", "1.0").out());
        assertEquals(">\n", run("", "versions", "compare", "-e", "DEBIAN:12", "1:0.1", "2.0").out());
        assertEquals("=\n", run("", "versions", "compare", "-e", "maven", "1.0", "1").out());
    }

    @Test
    void comparesStdinLineByLineAndKeepsGoingAfterAnError() {
        Run r = run("1.0.0 2.0.0\n1.2.x 1.0.0\n2.0.0 2.0.0+build\n", "versions", "compare", "-e", "npm");
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertEquals("<", lines[0]);
        assertTrue(lines[1].startsWith("error: ") && lines[1].contains("1.2.x"), lines[1]);
        assertEquals("=", lines[2]);
        assertEquals(0, r.exit());
    }

    @Test
    void unknownEcosystemIsAUsageError() {
        Run r = run("", "versions", "compare", "-e", "nosuch", "1", "2");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown ecosystem 'nosuch'"), r.err());
    }

    @Test
    void sortsStdinAndReportsInvalidVersionsOnStderr() {
        Run r = run("1.10.0\n1.2.0\nnot.a.version\n1.2.0-rc.1\n", "versions", "sort", "-e", "cargo");
        assertEquals("1.2.0-rc.1\n1.2.0\n1.10.0\n", r.out());
        assertTrue(r.err().contains("not.a.version"), r.err());
        assertEquals(1, r.exit());
    }

    @Test
    void answersAffectedAndNamesTheRange(@TempDir Path dir) throws Exception {
        Path osv = dir.resolve("osv.json");
        Files.writeString(osv, """
                {"id":"GHSA-test","affected":[
                 {"package":{"ecosystem":"PyPI","name":"requests"},
                  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.31.0"}]}]},
                 {"package":{"ecosystem":"npm","name":"other"},
                  "ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}""");
        Run affected = run("", "versions", "affected", "-e", "pypi", "--osv", osv.toString(), "2.30.0");
        assertTrue(affected.out().startsWith("affected (requests PyPI: range ECOSYSTEM [introduced 0, fixed 2.31.0])"),
                affected.out());
        Run fixed = run("", "versions", "affected", "-e", "PyPI", "--osv", osv.toString(), "--json", "2.31.0");
        assertTrue(fixed.out().contains("\"verdict\":\"not affected\""), fixed.out());
        Run none = run("", "versions", "affected", "-e", "Maven", "--osv", osv.toString(), "1.0");
        assertEquals(1, none.exit());
    }

    @Test
    void readsAYamlRecordAsOsvImportDoesKeepingAnUnquotedVersionAsWritten(@TempDir Path dir) throws Exception {
        // As the PyPA advisory database writes them: YAML, versions unquoted, 1.10 a version and not the number 1.1
        Path osv = Files.writeString(dir.resolve("PYSEC-2099-1.yaml"), """
                id: PYSEC-2099-1
                modified: 2024-01-01T00:00:00Z
                affected:
                - package:
                    name: example
                    ecosystem: PyPI
                  ranges:
                  - type: ECOSYSTEM
                    events:
                    - introduced: "0"
                    - fixed: 1.10
                """);
        Run before = run("", "versions", "affected", "-e", "PyPI", "--osv", osv.toString(), "1.9");
        assertEquals(0, before.exit(), before.err());
        assertTrue(before.out().startsWith("affected (example PyPI: range ECOSYSTEM [introduced 0, fixed 1.10])"),
                before.out());
        Run fixed = run("", "versions", "affected", "-e", "PyPI", "--osv", osv.toString(), "1.10");
        assertTrue(fixed.out().startsWith("not affected"), fixed.out());
    }

    @Test
    void listsEcosystemsWithPurlTypes() {
        String out = run("", "versions", "ecosystems").out();
        assertTrue(out.contains("crates.io") && out.contains("cargo") && out.contains("deb/ubuntu"), out);
    }
}
