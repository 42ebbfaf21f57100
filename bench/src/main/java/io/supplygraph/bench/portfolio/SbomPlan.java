package io.supplygraph.bench.portfolio;

import io.supplygraph.bench.portfolio.PackagePool.Package;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What one synthetic SBOM lists, before it is written in any format: its subject (an application), the
 * package versions it contains, and its dependency graph. Node 0 is the subject, node i > 0 is component i-1.
 *
 * @param dependsOn for each node, the nodes it depends on
 */
public record SbomPlan(int index, String serial, Instant created, String subjectName, String subjectVersion,
        List<Component> components, int[][] dependsOn) {

    /** One package version the SBOM contains. */
    public record Component(Package pkg, int version) {

        public String purl() {
            return pkg.purl(version);
        }

        public String versionText() {
            return pkg.versions()[version];
        }

        public String sha256() {
            return pkg.sha256(version);
        }
    }

    /** Most of an application's packages come from its own ecosystem; the rest are tools, images, bindings. */
    private static final int PRIMARY_PERCENT = 85;
    private static final int SHARED_SUBTREE_PERCENT = 15;
    private static final int CYCLE_PERCENT = 10;
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] TEAMS = {"payments", "billing", "search", "identity", "catalog", "shipping",
        "ledger", "reports", "gateway", "notify"};

    /**
     * Plans SBOM {@code index}: {@code size} distinct package versions drawn by popularity, hung under the
     * subject in a tree 4 to 6 levels deep (about a tenth direct dependencies), where some packages have a
     * second parent (a shared subtree) and an occasional SBOM has a cycle.
     */
    public static SbomPlan draw(PackagePool pool, int index, int size, SplittableRandom random) {
        Ecosystem[] ecosystems = Ecosystem.values();
        Ecosystem primary = ecosystems[random.nextInt(ecosystems.length)];
        Map<Ecosystem, BitSet> taken = new EnumMap<>(Ecosystem.class);
        List<Component> components = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Ecosystem e = random.nextInt(100) < PRIMARY_PERCENT ? primary : ecosystems[random.nextInt(ecosystems.length)];
            BitSet used = taken.computeIfAbsent(e, x -> new BitSet(pool.perEcosystem()));
            Package p = pool.get(e, pool.drawRank(random, used));
            components.add(new Component(p, PackagePool.drawVersion(random, p)));
        }
        String team = TEAMS[index % TEAMS.length];
        String name = team + "-app-" + index;
        String version = (1 + index % 3) + "." + (index % 17) + "." + (index % 5);
        UUID serial = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
        return new SbomPlan(index, serial.toString(), EPOCH.plusSeconds(index * 2_221L), name, version, components,
                tree(size, random));
    }

    private static int[][] tree(int size, SplittableRandom random) {
        int levels = 4 + random.nextInt(3);
        int direct = Math.max(1, size * (8 + random.nextInt(8)) / 100);
        List<List<Integer>> byLevel = new ArrayList<>();
        for (int l = 0; l <= levels; l++) {
            byLevel.add(new ArrayList<>());
        }
        byLevel.get(0).add(0);
        int[] level = new int[size + 1];
        for (int node = 1; node <= size; node++) {
            level[node] = node <= direct ? 1 : 2 + random.nextInt(levels - 1);
            byLevel.get(level[node]).add(node);
        }
        List<List<Integer>> edges = new ArrayList<>(size + 1);
        for (int node = 0; node <= size; node++) {
            edges.add(new ArrayList<>(2));
        }
        int[] parent = new int[size + 1];
        for (int node = 1; node <= size; node++) {
            List<Integer> above = nearestNonEmptyAbove(byLevel, level[node]);
            parent[node] = above.get(random.nextInt(above.size()));
            edges.get(parent[node]).add(node);
            if (level[node] > 1 && random.nextInt(100) < SHARED_SUBTREE_PERCENT) {
                int second = above.get(random.nextInt(above.size()));
                if (second != parent[node]) {
                    edges.get(second).add(node);
                }
            }
        }
        if (random.nextInt(100) < CYCLE_PERCENT) {
            closeCycle(byLevel, parent, edges, random);
        }
        int[][] dependsOn = new int[size + 1][];
        for (int node = 0; node <= size; node++) {
            dependsOn[node] = edges.get(node).stream().mapToInt(Integer::intValue).toArray();
        }
        return dependsOn;
    }

    private static List<Integer> nearestNonEmptyAbove(List<List<Integer>> byLevel, int level) {
        for (int l = level - 1; ; l--) {
            if (!byLevel.get(l).isEmpty()) {
                return byLevel.get(l);
            }
        }
    }

    /** Makes a deepest package depend back on its own ancestor just below the direct dependencies. */
    private static void closeCycle(List<List<Integer>> byLevel, int[] parent, List<List<Integer>> edges,
            SplittableRandom random) {
        for (int l = byLevel.size() - 1; l > 2; l--) {
            List<Integer> deepest = byLevel.get(l);
            if (!deepest.isEmpty()) {
                int node = deepest.get(random.nextInt(deepest.size()));
                int ancestor = parent[node];
                while (parent[ancestor] != 0 && parent[parent[ancestor]] != 0) {
                    ancestor = parent[ancestor];
                }
                edges.get(node).add(ancestor);
                return;
            }
        }
    }
}
