package io.supplygraph.server;

import io.supplygraph.analysis.Supplygraph;
import java.util.function.Function;

/**
 * How request threads reach the graph. A read borrows a connection of the reader pool for its duration, so reads
 * run side by side and never wait for a writer; a write goes to the one graph that writes, where threads take turns
 * a transaction at a time (documents are parsed before the turn, so parsing runs side by side too). Every handler
 * goes through here, so how connections are shared is decided in one place.
 */
public final class GraphAccess implements AutoCloseable {

    private final Supplygraph graph;

    public GraphAccess(Supplygraph graph) {
        this.graph = graph;
    }

    public <T> T read(Function<Supplygraph, T> query) {
        try (Supplygraph reading = graph.reading()) {
            return query.apply(reading);
        }
    }

    public <T> T write(Function<Supplygraph, T> change) {
        return change.apply(graph);
    }

    public String location() {
        return graph.location();
    }

    @Override
    public void close() {
        graph.close();
    }
}
