package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.ApplicationDetail;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.LicenceUse;
import io.supplygraph.analysis.view.NestedDocument;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.view.Scorecard;
import java.util.List;

/**
 * @param document the document whose components and findings the page shows (the newest, unless one is chosen)
 * @param nested   the documents nested in it, and those it is nested in
 * @param filter   what the component tree is filtered by, or empty
 */
public record ApplicationModel(ApplicationDetail application, Document document, List<NestedDocument> nested,
        ComponentTree tree, String filter,
        Page<Finding> findings, Pager findingsPager, List<LicenceUse> licences, List<Build> builds,
        List<Scorecard> scorecards) {}
