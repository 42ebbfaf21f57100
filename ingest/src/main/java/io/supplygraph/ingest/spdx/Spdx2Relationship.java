package io.supplygraph.ingest.spdx;

import io.supplygraph.model.EdgeKind;
import java.util.Locale;
import java.util.Map;

/**
 * What each SPDX 2 relationship type means for the graph, in one table. SPDX writes many edges from the
 * dependency's side ({@code A DEPENDENCY_OF B}); those are turned around so that every edge runs from the
 * dependent or container to the dependency or the contained. Types that say nothing about what a package
 * needs or holds (provenance, documentation, variants, patches, ...) are known and dropped without a warning.
 */
sealed interface Spdx2Relationship {

    /** An edge of {@code kind}; {@code reversed} when SPDX names the dependency first. */
    record Edge(EdgeKind kind, boolean reversed) implements Spdx2Relationship {}

    /** The document describes an element; {@code reversed} for {@code X DESCRIBED_BY document}. */
    record Describes(boolean reversed) implements Spdx2Relationship {}

    /** A known type with no dependency or containment meaning. */
    record Ignored() implements Spdx2Relationship {}

    Ignored IGNORED = new Ignored();

    Map<String, Spdx2Relationship> TYPES = Map.ofEntries(
            Map.entry("DESCRIBES", new Describes(false)),
            Map.entry("DESCRIBED_BY", new Describes(true)),
            Map.entry("CONTAINS", new Edge(EdgeKind.CONTAINS, false)),
            Map.entry("CONTAINED_BY", new Edge(EdgeKind.CONTAINS, true)),
            // "A is used as a package as part of B": B holds A
            Map.entry("PACKAGE_OF", new Edge(EdgeKind.CONTAINS, true)),
            // an optional component is still a component; EdgeKind has no optional containment
            Map.entry("OPTIONAL_COMPONENT_OF", new Edge(EdgeKind.CONTAINS, true)),
            Map.entry("DEPENDS_ON", new Edge(EdgeKind.DEPENDS_ON, false)),
            Map.entry("DEPENDENCY_OF", new Edge(EdgeKind.DEPENDS_ON, true)),
            Map.entry("RUNTIME_DEPENDENCY_OF", new Edge(EdgeKind.RUNTIME_DEPENDENCY, true)),
            Map.entry("BUILD_DEPENDENCY_OF", new Edge(EdgeKind.BUILD_DEPENDENCY, true)),
            Map.entry("DEV_DEPENDENCY_OF", new Edge(EdgeKind.DEV_DEPENDENCY, true)),
            Map.entry("TEST_DEPENDENCY_OF", new Edge(EdgeKind.TEST_DEPENDENCY, true)),
            Map.entry("OPTIONAL_DEPENDENCY_OF", new Edge(EdgeKind.OPTIONAL_DEPENDENCY, true)),
            Map.entry("PROVIDED_DEPENDENCY_OF", new Edge(EdgeKind.PROVIDED_DEPENDENCY, true)),
            // a tool used to build, develop or test B is a dependency of B in that scope (SPDX 3 says
            // the same with usesTool scoped to build, development or test)
            Map.entry("BUILD_TOOL_OF", new Edge(EdgeKind.BUILD_DEPENDENCY, true)),
            Map.entry("DEV_TOOL_OF", new Edge(EdgeKind.DEV_DEPENDENCY, true)),
            Map.entry("TEST_TOOL_OF", new Edge(EdgeKind.TEST_DEPENDENCY, true)),
            Map.entry("HAS_PREREQUISITE", new Edge(EdgeKind.PREREQUISITE, false)),
            Map.entry("PREREQUISITE_FOR", new Edge(EdgeKind.PREREQUISITE, true)),
            // "A STATIC_LINK B": A is statically linked to B, so A carries B's code
            Map.entry("STATIC_LINK", new Edge(EdgeKind.STATIC_LINK, false)),
            Map.entry("DYNAMIC_LINK", new Edge(EdgeKind.DYNAMIC_LINK, false)),
            Map.entry("DEPENDENCY_MANIFEST_OF", IGNORED),
            Map.entry("DISTRIBUTION_ARTIFACT", IGNORED),
            Map.entry("EXAMPLE_OF", IGNORED),
            Map.entry("GENERATES", IGNORED),
            Map.entry("GENERATED_FROM", IGNORED),
            Map.entry("ANCESTOR_OF", IGNORED),
            Map.entry("DESCENDANT_OF", IGNORED),
            Map.entry("VARIANT_OF", IGNORED),
            Map.entry("COPY_OF", IGNORED),
            Map.entry("PATCH_FOR", IGNORED),
            Map.entry("PATCH_APPLIED", IGNORED),
            Map.entry("FILE_ADDED", IGNORED),
            Map.entry("FILE_DELETED", IGNORED),
            Map.entry("FILE_MODIFIED", IGNORED),
            Map.entry("EXPANDED_FROM_ARCHIVE", IGNORED),
            Map.entry("DATA_FILE_OF", IGNORED),
            Map.entry("TEST_CASE_OF", IGNORED),
            Map.entry("TEST_OF", IGNORED),
            Map.entry("DOCUMENTATION_OF", IGNORED),
            Map.entry("METAFILE_OF", IGNORED),
            Map.entry("AMENDS", IGNORED),
            Map.entry("REQUIREMENT_DESCRIPTION_FOR", IGNORED),
            Map.entry("SPECIFICATION_FOR", IGNORED),
            Map.entry("OTHER", IGNORED));

    /** The meaning of {@code type}, or null for a type SPDX 2 does not define. */
    static Spdx2Relationship of(String type) {
        return TYPES.get(type.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
