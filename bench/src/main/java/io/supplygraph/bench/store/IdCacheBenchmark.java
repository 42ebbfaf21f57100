package io.supplygraph.bench.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The price of bounding the store's dictionary of noun ids by use (Caffeine, as {@code Dictionary} builds it) instead
 * of a HashMap emptied when full: nanoseconds per look-up of a cached purl (what every component of a portfolio's
 * SBOMs costs once its packages are known), over all 200,000 ids or mostly popular ones, and per id cached (what a
 * commit costs per new noun, with the cache full, so that each put also evicts). A 500-component SBOM makes 500
 * look-ups. Run with
 * {@code bench/run jmh -f 1 -wi 3 -i 5 -w 1s -r 1s IdCacheBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IdCacheBenchmark {

    /** As {@code Dictionary.CACHE_LIMIT}. */
    private static final int LIMIT = 200_000;

    /**
     * {@code hashmap}: the cache before it was bounded by use; {@code caffeine}: as {@code Dictionary} builds it, its
     * maintenance on the common pool; {@code caffeine-caller-runs}: the same, maintenance on the calling thread.
     */
    @Param({"hashmap", "caffeine", "caffeine-caller-runs"})
    String cache;

    private Map<String, Long> map;
    private Cache<String, Long> caffeine;
    private String[] cached;
    private final Map<String, Long> committing = new HashMap<>();
    private int next;
    private long fresh;

    @Setup(Level.Trial)
    public void setUp() {
        cached = new String[LIMIT];
        for (int i = 0; i < LIMIT; i++) {
            cached[i] = "pkg:npm/package-" + i + "@1." + (i % 17) + ".0";
        }
        for (int i = 0; i < 10_000; i++) {
            committing.put("pkg:npm/new-" + i + "@1.0.0", (long) i);
        }
        if (cache.equals("hashmap")) {
            map = new HashMap<>();
            for (int i = 0; i < LIMIT; i++) {
                map.put(cached[i], (long) i);
            }
        } else {
            caffeine = build();
            for (int i = 0; i < LIMIT; i++) {
                caffeine.put(cached[i], (long) i);
            }
            caffeine.cleanUp();
        }
    }

    @Benchmark
    public Long lookUp() {
        // A multiplicative stride visits the keys in an order the CPU cannot prefetch, as a portfolio's purls come.
        next = (next + 40_503) % LIMIT;
        String key = cached[next];
        return map != null ? map.get(key) : caffeine.getIfPresent(key);
    }

    /** Nine look-ups in ten go to 2,000 popular packages, as a portfolio's do (log4j, lodash again). */
    @Benchmark
    public Long lookUpPopular() {
        next = (next + 40_503) % LIMIT;
        String key = cached[next % 10 == 0 ? next : next % 2_000];
        return map != null ? map.get(key) : caffeine.getIfPresent(key);
    }

    /** What the commit of a new 5,000-component SBOM does: its 10,000 new ids into a cache just built. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object commitIntoANewCache() {
        if (map != null) {
            Map<String, Long> ids = new HashMap<>();
            ids.putAll(committing);
            return ids;
        }
        Cache<String, Long> ids = build();
        ids.putAll(committing);
        return ids;
    }

    @Benchmark
    public void cacheNewId() {
        String key = "pkg:npm/new-" + fresh++ + "@1.0.0";
        if (map != null) {
            if (map.size() >= LIMIT) {
                map.clear();
            }
            map.put(key, fresh);
        } else {
            caffeine.put(key, fresh);
        }
    }

    private Cache<String, Long> build() {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(LIMIT);
        return (cache.equals("caffeine") ? builder : builder.executor(Runnable::run)).build();
    }
}
