package io.supplygraph.analysis.view;

import java.util.List;

/**
 * An application: the subject that documents describe, and those documents, newest first.
 *
 * @param name as people read it: the purl, or the name and version a subject without a purl has
 */
public record ApplicationDetail(String purl, String name, List<Document> documents) {}
