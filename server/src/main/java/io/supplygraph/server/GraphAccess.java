package io.supplygraph.server;

import io.supplygraph.analysis.Supplygraph;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * How request threads reach the graph. A read borrows a connection of the reader pool for its duration, so reads
 * run side by side and never wait for a writer; a write goes to the one graph that writes, where threads take turns
 * a transaction at a time. Every handler goes through here, so how connections are shared is decided in one place.
 *
 * <p>Ingests are let in a few at a time ({@code ingestThreads}, one by default): eight uploads parsed at once on two
 * cores starve the one transaction that can commit, and took 2.2 times the CLI's time for the same SBOMs against
 * 1.3 times one at a time (bench/README.md, ServerBench). Reads do not wait for them.
 */
public final class GraphAccess implements AutoCloseable {

    private final Supplygraph graph;
    private final Semaphore ingests;

    public GraphAccess(Supplygraph graph, int ingestThreads) {
        this.graph = graph;
        this.ingests = new Semaphore(ingestThreads, true);
    }

    public <T> T read(Function<Supplygraph, T> query) {
        try (Supplygraph reading = graph.reading()) {
            return query.apply(reading);
        }
    }

    public <T> T write(Function<Supplygraph, T> change) {
        return change.apply(graph);
    }

    /** An ingest, once one of the ingest turns is free. */
    public <T> T ingest(Function<Supplygraph, T> ingest) {
        ingests.acquireUninterruptibly();
        try {
            return ingest.apply(graph);
        } finally {
            ingests.release();
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
