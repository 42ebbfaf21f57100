package io.supplygraph.analysis.view;

import io.supplygraph.analysis.provenance.SlsaLevel;
import io.supplygraph.model.Trust;
import java.util.List;

/**
 * One build of one subject, from SLSA provenance. Sorted by subject, then provenance document digest, which
 * together are unique.
 *
 * @param via      what the question reached the subject through: a purl, or the digest asked about
 * @param subject  the subject's digest ({@code algorithm:hex}), or its purl when it has no digest
 * @param level    the SLSA Build level the build earns, per {@link SlsaLevel}
 * @param source   the repository the build ran from
 * @param revision the source's commit
 * @param trust    the provenance document's trust
 * @param document the provenance document's digest
 */
public record Build(String via, String subject, String subjectName, String builder, String buildType,
        String slsaVersion, SlsaLevel level, String source, String revision, String startedOn, String finishedOn,
        String invocationId, String externalParameters, List<Material> materials, Trust.State trust,
        String document) {

    /** One input of a build: a source checkout (repository and revision), an artifact (digest), or both. */
    public record Material(String uri, String digest, String repository, String revision) {}
}
