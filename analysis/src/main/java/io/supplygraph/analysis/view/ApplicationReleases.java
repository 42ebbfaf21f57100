package io.supplygraph.analysis.view;

import java.util.List;
import java.util.Objects;

/**
 * An application and its releases, as {@code applications} lists them: sorted by application; releases newest
 * first (the ecosystem's version order, else the order they were ingested in).
 *
 * @param application the subject's purl without its version, or the name {@code ingest --app} gave
 * @param latest      its newest release
 * @param documents   how many current documents its releases have together
 * @param findings    the open findings of its newest release, by severity (per-application VEX applied)
 */
public record ApplicationReleases(String application, String latest, List<Release> releases, int documents,
        FindingCounts findings) {

    /** The same application with its newest release alone. */
    public ApplicationReleases withLatestOnly() {
        return new ApplicationReleases(application, latest,
                releases.stream().filter(r -> Objects.equals(r.release(), latest)).toList(), documents, findings);
    }

    /**
     * One release.
     *
     * @param documents  its current documents, in the order they were ingested
     * @param superseded its documents that newer ones from the same producer replaced ({@code ingest --replace}),
     *                   kept as its history
     * @param ingested   when its newest document was ingested
     * @param findings   the open findings of the package versions its documents contain, by severity
     */
    public record Release(String release, List<String> documents, List<String> superseded, String ingested,
            FindingCounts findings) {}
}
