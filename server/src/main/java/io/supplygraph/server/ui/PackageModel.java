package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.DriftReport;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.view.Scorecard;
import java.util.List;
import java.util.Map;

/**
 * @param selected   the version whose applications the page lists: the purl's, else the newest in use
 * @param findings   per version in use, its findings (VEX applied; not-affected ones included)
 * @param containing the applications containing the selected version, each with a path down to it
 */
public record PackageModel(String base, String selected, DriftReport drift, Map<String, List<Finding>> findings,
        Page<Application> containing, Pager containingPager, List<Build> builds, List<Scorecard> scorecards) {

    public String purlAt(String version) {
        return version == null ? base : base + "@" + version;
    }

    /** Documents behind the newest version drawn at most; the drift API and CLI list them all. */
    static final int BEHIND_SHOWN = 50;

    /** The first of the documents behind the newest version. */
    public List<DriftReport.Behind> behind() {
        return drift.behind().subList(0, Math.min(BEHIND_SHOWN, drift.behind().size()));
    }

    public List<Finding> findingsOf(String version) {
        return findings.getOrDefault(version, List.of());
    }
}
