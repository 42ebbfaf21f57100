package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutOfMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void runningOutOfHeapWhileIngestingIsOneLineAndExitOne() throws Exception {
        Path bom = manyComponents(tmp.resolve("large.cdx.json"), 300_000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder command = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "ingest", "--no-progress", "--db", tmp.resolve("graph.db").toString(),
                bom.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        command.environment().remove("SUPPLYGRAPH_DEBUG");
        Process child = command.start();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(err.lines().toList()).singleElement().asString()
                .matches("supplygraph: out of memory while ingesting \\Q" + bom + "\\E \\(heap \\d+ MB\\): raise it"
                        + " with SUPPLYGRAPH_JAVA_OPTS=-Xmx2g");
        assertThat(child.exitValue()).isEqualTo(1);
    }

    @Test
    void outOfMemoryInAnotherThreadIsTheSameLineAndExitsOne() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        OutOfMemory.whileIngesting(List.of("a.json", "b.json", "c.json"));
        Thread writer = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "supplygraph-store-writer");
        writer.setUncaughtExceptionHandler(OutOfMemory.handler(new PrintStream(err, true, StandardCharsets.UTF_8),
                exit::set));
        writer.start();
        writer.join();

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("supplygraph: out of memory while ingesting a.json and 2 more (heap ");
        assertThat(exit.get()).isEqualTo(1);
    }

    @Test
    void suggestedHeapIsAtLeastTwiceTheCurrentOne() {
        assertThat(OutOfMemory.line(512L << 20)).endsWith("(heap 512 MB): raise it with SUPPLYGRAPH_JAVA_OPTS=-Xmx2g");
        assertThat(OutOfMemory.line(6L << 30)).endsWith("(heap 6144 MB): raise it with SUPPLYGRAPH_JAVA_OPTS=-Xmx12g");
    }

    /** A CycloneDX BOM of {@code count} small components, each a dependency of the one before. */
    private static Path manyComponents(Path file, int count) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":[");
            for (int i = 0; i < count; i++) {
                out.write((i == 0 ? "" : ",") + "{\"type\":\"library\",\"bom-ref\":\"c" + i + "\",\"name\":\"p" + i
                        + "\",\"version\":\"1.0.0\",\"purl\":\"pkg:npm/p" + i + "@1.0.0\"}");
            }
            out.write("],\"dependencies\":[");
            for (int i = 1; i < count; i++) {
                out.write((i == 1 ? "" : ",") + "{\"ref\":\"c" + (i - 1) + "\",\"dependsOn\":[\"c" + i + "\"]}");
            }
            out.write("]}");
        }
        return file;
    }
}
