package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.ApplicationDetail;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.view.LicenceUse;
import io.supplygraph.analysis.view.NestedDocument;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.analysis.view.VexStatement;
import java.util.List;
import java.util.Map;

/**
 * @param document the document whose components and findings the page shows (the newest, unless one is chosen)
 * @param nested   the documents nested in it, and those it is nested in
 * @param filter     what the component tree is filtered by, or empty
 * @param statements the VEX statement that says this application is not affected, by {@link #key} of the finding
 * @param plan       the upgrades that remove its risk, the most first (fix first)
 */
public record ApplicationModel(ApplicationDetail application, Document document, List<NestedDocument> nested,
        ComponentTree tree, String filter,
        Page<Finding> findings, Pager findingsPager, List<LicenceUse> licences, List<Build> builds,
        List<Scorecard> scorecards, Map<String, VexStatement> statements, List<Upgrade> plan) {

    /**
     * A finding's status in this document: VEX decides per application, so a statement that this application is
     * not affected, or has it fixed, counts here even where others stay affected (the finding's own status is the
     * least reassuring).
     */
    public FindingStatus statusOf(Finding finding) {
        return finding.statusInDocument(document.digest());
    }

    /** Why, if this application's own VEX statement settles it; else the finding's justification. */
    public String justificationOf(Finding finding) {
        VexStatement statement = statements.get(key(finding));
        return statement != null ? statement.justification() : finding.justification();
    }

    /** The VEX document behind {@link #justificationOf}, or null. */
    public String vexDocumentOf(Finding finding) {
        VexStatement statement = statements.get(key(finding));
        return statement != null ? statement.document() : finding.vexDocument();
    }

    static String key(Finding finding) {
        return finding.purl() + " " + finding.id();
    }
}
