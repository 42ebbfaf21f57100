package io.supplygraph.ingest.spdx3;

import io.supplygraph.model.EdgeKind;
import java.util.Map;

/**
 * What each SPDX 3 relationship type means for the graph, in one table. SPDX 3 names every type from the
 * side of {@code from} ("from (is) RELATIONSHIP to") and has no inverse dependency types, so no edge is
 * turned around here. Types about provenance, security, AI training, documentation and the like are
 * known and dropped without a warning.
 */
sealed interface Spdx3Relationship {

    /**
     * An edge of {@code kind}; when {@code scoped}, a {@code LifecycleScopedRelationship}'s scope
     * (build, development, test, runtime) narrows it to the matching dependency kind.
     */
    record Edge(EdgeKind kind, boolean scoped) implements Spdx3Relationship {

        EdgeKind in(String scope) {
            if (!scoped || scope == null) {
                return kind;
            }
            return switch (scope) {
                case "build" -> EdgeKind.BUILD_DEPENDENCY;
                case "development" -> EdgeKind.DEV_DEPENDENCY;
                case "test" -> EdgeKind.TEST_DEPENDENCY;
                case "runtime" -> EdgeKind.RUNTIME_DEPENDENCY;
                default -> kind;
            };
        }
    }

    /** A document or SBOM describes the {@code to} elements, as its {@code rootElement} does. */
    record Describes() implements Spdx3Relationship {}

    /** The {@code to} element is the package's declared ({@code declared}) or concluded licence. */
    record Licence(boolean declared) implements Spdx3Relationship {}

    record Ignored() implements Spdx3Relationship {}

    Ignored IGNORED = new Ignored();

    Map<String, Spdx3Relationship> TYPES = Map.ofEntries(
            Map.entry("describes", new Describes()),
            Map.entry("hasDeclaredLicense", new Licence(true)),
            Map.entry("hasConcludedLicense", new Licence(false)),
            Map.entry("contains", new Edge(EdgeKind.CONTAINS, false)),
            // an optional component is still a component; EdgeKind has no optional containment
            Map.entry("hasOptionalComponent", new Edge(EdgeKind.CONTAINS, false)),
            Map.entry("dependsOn", new Edge(EdgeKind.DEPENDS_ON, true)),
            Map.entry("hasOptionalDependency", new Edge(EdgeKind.OPTIONAL_DEPENDENCY, false)),
            Map.entry("hasProvidedDependency", new Edge(EdgeKind.PROVIDED_DEPENDENCY, false)),
            Map.entry("hasPrerequisite", new Edge(EdgeKind.PREREQUISITE, false)),
            Map.entry("hasStaticLink", new Edge(EdgeKind.STATIC_LINK, false)),
            Map.entry("hasDynamicLink", new Edge(EdgeKind.DYNAMIC_LINK, false)),
            // SPDX 2's BUILD_TOOL_OF became usesTool scoped to build; a tool with no scope is taken as a build tool
            Map.entry("usesTool", new Edge(EdgeKind.BUILD_DEPENDENCY, true)),
            Map.entry("affects", IGNORED),
            Map.entry("amendedBy", IGNORED),
            Map.entry("ancestorOf", IGNORED),
            Map.entry("availableFrom", IGNORED),
            Map.entry("configures", IGNORED),
            Map.entry("coordinatedBy", IGNORED),
            Map.entry("copiedTo", IGNORED),
            Map.entry("delegatedTo", IGNORED),
            Map.entry("descendantOf", IGNORED),
            Map.entry("doesNotAffect", IGNORED),
            Map.entry("expandsTo", IGNORED),
            Map.entry("exploitCreatedBy", IGNORED),
            Map.entry("fixedBy", IGNORED),
            Map.entry("fixedIn", IGNORED),
            Map.entry("foundBy", IGNORED),
            Map.entry("generates", IGNORED),
            Map.entry("hasAddedFile", IGNORED),
            Map.entry("hasAssessmentFor", IGNORED),
            Map.entry("hasAssociatedVulnerability", IGNORED),
            Map.entry("hasDataFile", IGNORED),
            Map.entry("hasDeletedFile", IGNORED),
            Map.entry("hasDependencyManifest", IGNORED),
            Map.entry("hasDistributionArtifact", IGNORED),
            Map.entry("hasDocumentation", IGNORED),
            Map.entry("hasEvidence", IGNORED),
            Map.entry("hasExample", IGNORED),
            Map.entry("hasHost", IGNORED),
            Map.entry("hasInput", IGNORED),
            Map.entry("hasMetadata", IGNORED),
            Map.entry("hasOutput", IGNORED),
            Map.entry("hasRequirement", IGNORED),
            Map.entry("hasSpecification", IGNORED),
            Map.entry("hasTest", IGNORED),
            Map.entry("hasTestCase", IGNORED),
            Map.entry("hasVariant", IGNORED),
            Map.entry("invokedBy", IGNORED),
            Map.entry("modifiedBy", IGNORED),
            Map.entry("other", IGNORED),
            Map.entry("packagedBy", IGNORED),
            Map.entry("patchedBy", IGNORED),
            Map.entry("publishedBy", IGNORED),
            Map.entry("reportedBy", IGNORED),
            Map.entry("republishedBy", IGNORED),
            Map.entry("serializedInArtifact", IGNORED),
            Map.entry("testedOn", IGNORED),
            Map.entry("trainedOn", IGNORED),
            Map.entry("underInvestigationFor", IGNORED));

    /** The meaning of {@code type} (compact, or a full vocabulary IRI), or null for a type SPDX 3 does not define. */
    static Spdx3Relationship of(String type) {
        return TYPES.get(Spdx3Element.vocabularyTerm(type));
    }
}
