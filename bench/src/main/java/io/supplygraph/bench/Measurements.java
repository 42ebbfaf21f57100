package io.supplygraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;

/** What every bench command needs to report a figure: sizes, order statistics, where generated files go. */
final class Measurements {

    private Measurements() {}

    /** {@code bench/out}, which {@code bench/run} passes as a system property; git ignores it. */
    static Path outFolder() {
        return Path.of(System.getProperty("supplygraph.bench.out", "bench/out"));
    }

    static long bytes(Collection<Path> files) {
        long sum = 0;
        for (Path f : files) {
            sum += size(f);
        }
        return sum;
    }

    /** The size of a file, 0 when it does not exist (an SQLite -wal after a clean close). */
    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This process's peak resident set, as the kernel counted it ({@code VmHWM} of {@code /proc/self/status}):
     * what the machine really gave the JVM, heap, metaspace, thread stacks, native buffers and all.
     */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kilobytes = Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
                    return String.format("%,.0f MB", megabytes(kilobytes * 1024));
                }
            }
            return "unknown (no VmHWM)";
        } catch (IOException e) {
            return "unknown (no /proc/self/status)";
        }
    }

    /** The machine's load averages as /proc/loadavg has them: the machine is shared, and figures depend on it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** The value below which {@code fraction} of the samples lie (nearest rank). */
    static long percentile(long[] samples, double fraction) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long median(long[] samples) {
        return percentile(samples, 0.5);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
