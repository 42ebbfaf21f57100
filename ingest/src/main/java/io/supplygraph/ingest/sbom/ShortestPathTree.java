package io.supplygraph.ingest.sbom;

import io.supplygraph.model.EdgeKind;
import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Shortest paths from the subjects, so that "how does this application contain X" is a walk up parent
 * pointers instead of a graph search at query time. Components no stated edge reaches from a subject
 * get a {@link EdgeKind#LISTED} edge from the first subject: roots of what is unreached first (so a
 * chain A -> B hangs off the subject at A, not at both), then whatever remains (members of cycles).
 */
final class ShortestPathTree {

    private final DependencyGraph graph;
    private final int[] parent;
    private final int[] depth;
    /** Breadth-first order; every node enters once, when its depth is set, so it never needs to grow. */
    private final int[] queue;
    private int head;
    private int tail;

    ShortestPathTree(DependencyGraph graph, int[] subjects) {
        this.graph = graph;
        int nodes = graph.nodes();
        parent = new int[nodes];
        depth = new int[nodes];
        queue = new int[nodes];
        Arrays.fill(depth, -1);
        Arrays.fill(parent, -1);
        for (int s : subjects) {
            depth[s] = 0;
            queue[tail++] = s;
        }
        spread();
    }

    private void spread() {
        while (head < tail) {
            int n = queue[head++];
            for (int i = graph.firstChild(n); i < graph.endOfChildren(n); i++) {
                int child = graph.child(i);
                if (depth[child] < 0) {
                    depth[child] = depth[n] + 1;
                    parent[child] = n;
                    queue[tail++] = child;
                }
            }
        }
    }

    /** Hangs what is still unreached of {@code listed} off {@code subject}; returns those nodes, in order. */
    int[] attachUnreached(int[] listed, int subject) {
        BitSet hasUnreachedParent = new BitSet(depth.length);
        for (int e = 0; e < graph.size(); e++) {
            if (depth[graph.from(e)] < 0) {
                hasUnreachedParent.set(graph.to(e));
            }
        }
        IntStream.Builder attached = IntStream.builder();
        for (boolean rootsOnly : new boolean[] {true, false}) {
            for (int p : listed) {
                if (depth[p] < 0 && (!rootsOnly || !hasUnreachedParent.get(p))) {
                    attached.add(p);
                    depth[p] = depth[subject] + 1;
                    parent[p] = subject;
                    queue[tail++] = p;
                    spread();
                }
            }
        }
        return attached.build().toArray();
    }

    int[] parent() {
        return parent;
    }

    int[] depth() {
        return depth;
    }
}
