package io.supplygraph.model.fact;

import io.supplygraph.model.Digest;
import io.supplygraph.model.SourceRepository;
import java.util.List;

/**
 * How the subjects of a SLSA provenance predicate were built, in one shape for SLSA v0.1, v0.2 and v1 (which
 * name the same things differently: {@code recipe}, {@code invocation}, {@code buildDefinition}). Values are
 * kept as the document wrote them; only repository URLs are normalised, so that they join.
 *
 * @param slsaVersion        the predicate's version: {@code 0.1}, {@code 0.2} or {@code 1}
 * @param builderId          the builder's id URI, or null when the document names none
 * @param buildType          the build type URI, or null
 * @param invocationId       the build's own id (a CI run URL, a build UUID), or null
 * @param startedOn          when the build started, as written (RFC 3339), or null
 * @param finishedOn         when it finished, as written, or null
 * @param source             the repository and revision the build ran from, or null when the document says
 *                           nothing a repository can be read from
 * @param materials          what the build consumed (v0.x materials, v1 resolvedDependencies), in document order
 * @param externalParameters what the build was asked to do (v1 externalParameters, v0.2 invocation.parameters,
 *                           v0.1 recipe.arguments) as compact JSON, or null
 */
public record ProvenanceFacts(
        String slsaVersion,
        String builderId,
        String buildType,
        String invocationId,
        String startedOn,
        String finishedOn,
        SourceRepository source,
        List<Material> materials,
        String externalParameters) {

    public ProvenanceFacts {
        materials = List.copyOf(materials);
    }

    /**
     * One input of the build.
     *
     * @param uri        as written, or null
     * @param digests    its digests (a git commit is {@code sha1:<hex>} or {@code gitcommit:<hex>} as written)
     * @param repository the repository when the material is a source checkout ({@code git+...} URIs, or a
     *                   {@code gitCommit} digest), else null
     */
    public record Material(String uri, List<Digest> digests, SourceRepository repository) {
        public Material {
            digests = List.copyOf(digests);
        }
    }
}
