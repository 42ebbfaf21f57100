package io.supplygraph.ingest.spdx3;

import io.supplygraph.model.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The properties of one {@code @graph} element that matter here, whatever its type: the type may be
 * written after the properties, so an element is read whole before anyone decides what it is.
 */
final class Spdx3Element {

    /** {@code software_Package} and its subclasses in the AI and dataset profiles. */
    private static final Set<String> PACKAGE_TYPES = Set.of("software_Package", "ai_AIPackage", "dataset_DatasetPackage");
    /** Elements that wrap others and say which are their subject ({@code rootElement}). */
    private static final Set<String> COLLECTION_TYPES = Set.of("SpdxDocument", "software_Sbom", "Bom", "Bundle");
    /** Agents, and the tools a CreationInfo says a document was made with: named by {@code createdBy}/{@code createdUsing}. */
    private static final Set<String> AGENT_TYPES = Set.of("Agent", "Organization", "Person", "SoftwareAgent", "Tool");

    String type;
    String id;
    String name;
    String version;
    String purl;
    String downloadLocation;
    String purpose;
    String suppliedBy;
    String relationshipType;
    String from;
    String scope;
    String licenceExpression;
    String specVersion;
    String cpe23;
    String cpe22;
    String vcs;
    String identifierPurl;
    /** A CreationInfo's, or the one written inline in an element; {@code creationInfo} names a CreationInfo. */
    String created;
    String creationInfo;
    final List<String> createdBy = new ArrayList<>();
    final List<String> createdUsing = new ArrayList<>();
    final List<String> to = new ArrayList<>();
    final List<String> rootElements = new ArrayList<>();
    final List<Digest> digests = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    boolean isPackage() {
        return PACKAGE_TYPES.contains(type);
    }

    boolean isCollection() {
        return COLLECTION_TYPES.contains(type);
    }

    boolean isAgent() {
        return AGENT_TYPES.contains(type);
    }

    /** An agent that is software: in {@code createdBy}, a tool rather than an author. */
    boolean isSoftware() {
        return "SoftwareAgent".equals(type) || "Tool".equals(type);
    }

    boolean isCreationInfo() {
        return "CreationInfo".equals(type);
    }

    /** What a CreationInfo written inline in this element says, taken as this element's own. */
    void createdAs(Spdx3Element inline) {
        specVersion = inline.specVersion;
        created = inline.created;
        createdBy.addAll(inline.createdBy);
        createdUsing.addAll(inline.createdUsing);
    }

    /** {@code Relationship}, {@code LifecycleScopedRelationship} and the security profile's assessment kinds. */
    boolean isRelationship() {
        return type != null && type.endsWith("Relationship");
    }

    /** An SPDX licence expression for the licence elements this reader understands, else null. */
    String licence() {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "simplelicensing_LicenseExpression" -> licenceExpression;
            case "expandedlicensing_ListedLicense" -> id == null ? null : vocabularyTerm(id);
            case "expandedlicensing_CustomLicense" -> id == null ? null : customLicenceRef(id);
            default -> null;
        };
    }

    /** The last segment of an IRI ({@code .../LifecycleScopeType/build} is {@code build}); a compact term as is. */
    static String vocabularyTerm(String value) {
        if (value == null) {
            return null;
        }
        int cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf('#'));
        return value.substring(cut + 1);
    }

    /** A custom licence is named by an IRI; in an expression it must read as a {@code LicenseRef-}. */
    private static String customLicenceRef(String iri) {
        String term = vocabularyTerm(iri).replaceAll("[^A-Za-z0-9.-]", "-");
        return term.startsWith("LicenseRef-") ? term : "LicenseRef-" + term;
    }
}
