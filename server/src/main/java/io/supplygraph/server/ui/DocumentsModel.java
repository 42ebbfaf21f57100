package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.Page;

/** @param advisories whether the list shows advisories (OSV records) rather than the other documents */
public record DocumentsModel(Page<Document> documents, Pager pager, boolean advisories) {}
