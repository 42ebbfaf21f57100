package io.supplygraph.analysis.view;

import io.supplygraph.model.EdgeKind;

/**
 * One dependency. Sorted by depth, then purl: a version appears once, at its smallest depth.
 *
 * @param kind   the edge's kind, as the document stated it
 * @param depth  1 for a direct dependency, more for a transitive one (the shortest)
 * @param parent the purl it was reached from
 */
public record Dependency(String purl, EdgeKind kind, int depth, String parent) {}
