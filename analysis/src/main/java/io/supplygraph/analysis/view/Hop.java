package io.supplygraph.analysis.view;

/**
 * One edge of a path, in the direction the graph states it; a path lists its hops in path order.
 *
 * @param from     the node the edge starts at: a purl, {@code document sha256:...} or an artifact digest
 * @param edge     an edge kind ({@code depends-on}, {@code dev}, ...), or how the walk crossed between nodes of
 *                 different kinds: {@code describes}, {@code contains}, {@code has-artifact}, {@code artifact-of}
 * @param to       the node the edge ends at
 * @param document the digest of the document that states the edge, or null for an artifact edge
 */
public record Hop(String from, String edge, String to, String document) {}
