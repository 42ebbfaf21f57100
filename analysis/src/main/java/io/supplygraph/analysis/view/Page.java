package io.supplygraph.analysis.view;

import java.util.List;

/**
 * One page of a sorted answer, and how many items the whole answer has: {@code Page.of(graph.dependents(purl),
 * 50, 100)}. Pages are stable because every list query sorts with a unique tie-breaker.
 */
public record Page<T>(List<T> items, long total) {

    /** The largest page: bounds what one request can make a server serialise. */
    public static final int MAX_LIMIT = 1000;

    public Page {
        items = List.copyOf(items);
    }

    /** At most {@code limit} (1 to {@value #MAX_LIMIT}) items from position {@code offset} (0 or more) on. */
    public static <T> Page<T> of(List<T> sorted, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        int from = start(sorted, offset);
        return new Page<>(sorted.subList(from, (int) Math.min((long) from + limit, sorted.size())), sorted.size());
    }

    /** Every item from position {@code offset} on: for a command line, which has no response size to bound. */
    public static <T> Page<T> from(List<T> sorted, int offset) {
        return new Page<>(sorted.subList(start(sorted, offset), sorted.size()), sorted.size());
    }

    private static int start(List<?> sorted, int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
        }
        return Math.min(offset, sorted.size());
    }
}
