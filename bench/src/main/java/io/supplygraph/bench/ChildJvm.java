package io.supplygraph.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bench probe in a JVM of its own, so that nothing of the parent's runs is on its heap and its peak RSS is
 * its own, and hands back what it printed on the {@link MemoryProbe#LINE}.
 *
 * @param heapLimit an {@code -Xmx} value such as {@code 512m}, or {@code none} for the JVM's default heap
 */
record ChildJvm(String heapLimit) {

    /** How the heap was limited, for a report. */
    String describe() {
        return heapLimit.equals("none") ? "the default heap" : "-Xmx" + heapLimit;
    }

    /** Runs {@code main} with {@code args}, echoing its output; the report, or a line saying it failed. */
    String run(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!heapLimit.equals("none")) {
            command.add("-Xmx" + heapLimit);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dsupplygraph.bench.out=" + Measurements.outFolder(), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String report = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("  child: " + line);
                if (line.startsWith(MemoryProbe.LINE)) {
                    report = line.substring(MemoryProbe.LINE.length());
                }
            }
        }
        int exit = child.waitFor();
        return exit != 0 || report == null ? "FAILED under " + describe() + " (exit " + exit + ")"
                : "under " + describe() + ": " + report;
    }
}
