package io.supplygraph.server;

import io.supplygraph.analysis.Supplygraph;
import java.util.function.Function;

/**
 * How request threads reach the graph: reads share it, writes take turns on its one writer connection. Every
 * handler goes through here, so how connections are shared is decided in one place.
 */
public final class GraphAccess implements AutoCloseable {

    private final Supplygraph graph;

    public GraphAccess(Supplygraph graph) {
        this.graph = graph;
    }

    public <T> T read(Function<Supplygraph, T> query) {
        synchronized (graph) {
            return query.apply(graph);
        }
    }

    public <T> T write(Function<Supplygraph, T> change) {
        synchronized (graph) {
            return change.apply(graph);
        }
    }

    public String location() {
        return graph.location();
    }

    @Override
    public void close() {
        graph.close();
    }
}
