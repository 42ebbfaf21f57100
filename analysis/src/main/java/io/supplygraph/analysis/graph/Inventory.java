package io.supplygraph.analysis.graph;

import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingCounts;
import io.supplygraph.analysis.view.PackageUsage;
import io.supplygraph.analysis.view.Stats;
import io.supplygraph.store.GraphStore;
import java.util.Comparator;
import java.util.List;

/** What the graph holds: the package versions its documents contain, and counts. */
public final class Inventory {

    private final GraphStore store;

    public Inventory(GraphStore store) {
        this.store = store;
    }

    /**
     * Package versions whose name holds the fragment (any case), by purl: sorted here rather than by the database,
     * whose text order depends on its collation.
     */
    public List<PackageUsage> packages(String nameFragment) {
        return store.packages().usage(nameFragment == null ? "" : nameFragment).stream()
                .map(u -> new PackageUsage(u.purl(), u.name(), u.version(), u.synthetic(), u.documents()))
                .sorted(Comparator.comparing(PackageUsage::purl))
                .toList();
    }

    /** The counts, with {@code findings} as {@code vulns} lists them. */
    public Stats stats(List<Finding> findings) {
        var s = store.stats().stats();
        var k = store.stats().knowledge();
        return new Stats(s.documents(), s.packages(), s.versions(), s.edges(), s.artifacts(), s.components(),
                store.database().url(), k.advisories(), k.vexStatements(), k.attestations(), k.scorecards(),
                FindingCounts.of(findings));
    }
}
