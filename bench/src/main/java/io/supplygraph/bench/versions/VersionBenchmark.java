package io.supplygraph.bench.versions;

import io.supplygraph.model.version.Version;
import io.supplygraph.model.version.VersionScheme;
import io.supplygraph.model.version.VersionSchemes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Comparisons per second of parsed versions and parses per second, for Maven, npm and PyPI, over realistic mixed
 * version strings (releases, pre-releases, qualifiers, build metadata, post and local versions). Scores are in
 * operations per second: one operation is one comparison or one parse. Run with
 * {@code bench/run jmh -f 1 -wi 2 -i 3 -w 1s -r 1s VersionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VersionBenchmark {

    private static final String[] MAVEN = {
        "2.17.1", "2.0-beta9", "1.2.17", "5.3.31", "6.1.0-RC1", "3.0.0-M5", "1.0-SNAPSHOT", "2.13.4.2", "4.1.94.Final",
        "31.1-jre", "1.9.22", "2.0.0-alpha1", "9.4.51.v20230217", "1.1.10.5", "3.12.0", "2.2", "1.0.0.RELEASE",
        "5.8.0-M1", "7.0.0-beta-2", "20230618",
    };
    private static final String[] NPM = {
        "4.17.21", "1.0.0-alpha.1", "2.6.9", "0.21.1", "18.2.0", "3.0.0-rc.3", "1.13.6", "7.5.4", "0.0.0-20230101",
        "5.0.0-beta.10", "10.4.1", "1.2.3+build.5", "2.88.2", "0.4.24", "16.14.0", "4.0.0-next.2", "8.11.3", "1.1.1",
        "3.3.2", "6.0.0",
    };
    private static final String[] PYPI = {
        "2.31.0", "1.26.4", "2.0.0rc1", "0.9.1.post1", "1.0.dev3", "3.8.5", "23.1", "1!2.0", "1.10.0b2", "4.0.0a1",
        "2.28.2", "0.20.3", "1.0+local.7", "41.0.7", "2022.12.7", "3.1.2", "1.2.3.post2.dev1", "0.1", "12.0", "6.0.1",
    };

    @Param({"Maven", "npm", "PyPI"})
    String ecosystem;

    private VersionScheme scheme;
    private String[] texts;
    private Version[] parsed;

    @Setup(Level.Trial)
    public void setUp() {
        scheme = VersionSchemes.forOsvName(ecosystem).orElseThrow();
        texts = switch (ecosystem) {
            case "Maven" -> MAVEN;
            case "npm" -> NPM;
            default -> PYPI;
        };
        parsed = new Version[texts.length];
        for (int i = 0; i < texts.length; i++) {
            parsed[i] = scheme.parse(texts[i]);
        }
    }

    /** Every ordered pair of the list: 400 comparisons per invocation. */
    @Benchmark
    @OperationsPerInvocation(400)
    public void compareParsed(Blackhole bh) {
        Version[] v = parsed;
        for (Version a : v) {
            for (Version b : v) {
                bh.consume(a.compareTo(b));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(20)
    public void parse(Blackhole bh) {
        for (String t : texts) {
            bh.consume(scheme.parse(t));
        }
    }
}
