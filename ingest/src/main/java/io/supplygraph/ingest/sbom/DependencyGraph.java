package io.supplygraph.ingest.sbom;

import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.fact.SbomFacts.Edge;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * A document's edges between package positions, each stated edge once, in the order the document first stated
 * it, and each node's children in that order. Held as arrays (edges grouped by their source, as in a compressed
 * sparse row matrix) rather than a list per node, which for a million nodes saves a million lists.
 */
final class DependencyGraph {

    private static final EdgeKind[] KINDS = EdgeKind.values();

    private final int[] from;
    private final int[] to;
    private final int[] kinds;
    private final int size;
    /** The children of node n are {@code children[childStart[n]]} up to {@code children[childStart[n + 1]]}. */
    private final int[] childStart;
    private final int[] children;

    private DependencyGraph(int[] from, int[] to, int[] kinds, int size, int[] childStart, int[] children) {
        this.from = from;
        this.to = to;
        this.kinds = kinds;
        this.size = size;
        this.childStart = childStart;
        this.children = children;
    }

    /**
     * The graph of the first {@code count} edges of the arrays, which it takes over; an edge stated again (same
     * ends, same kind) is kept at its first place only.
     */
    static DependencyGraph of(int nodes, int[] from, int[] to, int[] kinds, int count) {
        int[] start = new int[nodes + 1];
        int[] bySource = groupBySource(nodes, from, count, start);
        BitSet repeated = repeats(nodes, to, kinds, start, bySource);
        int kept = 0;
        for (int e = 0; e < count; e++) {
            if (!repeated.get(e)) {
                from[kept] = from[e];
                to[kept] = to[e];
                kinds[kept] = kinds[e];
                kept++;
            }
        }
        int[] childStart = new int[nodes + 1];
        int[] children = groupBySource(nodes, from, kept, childStart);
        for (int i = 0; i < kept; i++) {
            children[i] = to[children[i]];
        }
        return new DependencyGraph(from, to, kinds, kept, childStart, children);
    }

    /** Edge indices ordered by source (a counting sort, so stable: each source's edges stay in document order). */
    private static int[] groupBySource(int nodes, int[] from, int count, int[] start) {
        for (int e = 0; e < count; e++) {
            start[from[e] + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            start[n + 1] += start[n];
        }
        int[] next = Arrays.copyOf(start, nodes);
        int[] bySource = new int[count];
        for (int e = 0; e < count; e++) {
            bySource[next[from[e]]++] = e;
        }
        return bySource;
    }

    /** Edges that repeat an earlier one: within one source's group, a target already seen with the same kind. */
    private static BitSet repeats(int nodes, int[] to, int[] kinds, int[] start, int[] bySource) {
        BitSet repeated = new BitSet(bySource.length);
        int[] seenFrom = new int[nodes];
        Arrays.fill(seenFrom, -1);
        int[] seenKinds = new int[nodes];
        for (int source = 0; source < nodes; source++) {
            for (int i = start[source]; i < start[source + 1]; i++) {
                int e = bySource[i];
                int target = to[e];
                if (seenFrom[target] != source) {
                    seenFrom[target] = source;
                    seenKinds[target] = 0;
                }
                int kind = 1 << kinds[e];
                if ((seenKinds[target] & kind) != 0) {
                    repeated.set(e);
                }
                seenKinds[target] |= kind;
            }
        }
        return repeated;
    }

    int nodes() {
        return childStart.length - 1;
    }

    int size() {
        return size;
    }

    int from(int edge) {
        return from[edge];
    }

    int to(int edge) {
        return to[edge];
    }

    int firstChild(int node) {
        return childStart[node];
    }

    int endOfChildren(int node) {
        return childStart[node + 1];
    }

    int child(int index) {
        return children[index];
    }

    /** The stated edges, then a {@link EdgeKind#LISTED} edge from {@code subject} to each of {@code listed}. */
    List<Edge> edges(int subject, int[] listed) {
        Edge[] edges = new Edge[size + listed.length];
        for (int e = 0; e < size; e++) {
            edges[e] = new Edge(from[e], to[e], KINDS[kinds[e]]);
        }
        for (int i = 0; i < listed.length; i++) {
            edges[size + i] = new Edge(subject, listed[i], EdgeKind.LISTED);
        }
        return Collections.unmodifiableList(Arrays.asList(edges));
    }
}
