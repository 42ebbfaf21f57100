package io.supplygraph.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supplygraph.analysis.view.Overview;

/**
 * The portfolio's overview, computed once per revision of the graph and shared by every request until the graph
 * changes. The overview reads every finding of the portfolio (about 0.3-0.7 s on the 5,000 x 500 store, bench/README
 * "UiBench"), while the revision is two index lookups; people open the front page far more often than documents
 * arrive. Requests for a revision being computed wait for that one computation rather than starting their own.
 */
public final class OverviewCache {

    private final GraphAccess graph;
    /** The current revision's overview, and the previous one while a reader's snapshot may still ask for it. */
    private final Cache<String, Overview> overviews = Caffeine.newBuilder().maximumSize(2).build();

    public OverviewCache(GraphAccess graph) {
        this.graph = graph;
    }

    /** The overview as of one snapshot: its revision and its answer come from the same reading graph. */
    public Overview get() {
        return graph.read(g -> overviews.get(g.revision(), revision -> g.overview()));
    }
}
