package io.supplygraph.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of a dependency edge between two package versions, as the document stated it. Parsers map
 * their format's relationship types onto these by meaning and always orient an edge from the dependent
 * (or container) to the dependency (or the contained), whatever direction the format wrote it in.
 */
public enum EdgeKind {
    DEPENDS_ON("depends-on"),
    RUNTIME_DEPENDENCY("runtime"),
    DEV_DEPENDENCY("dev"),
    BUILD_DEPENDENCY("build"),
    TEST_DEPENDENCY("test"),
    OPTIONAL_DEPENDENCY("optional"),
    PROVIDED_DEPENDENCY("provided"),
    PREREQUISITE("prerequisite"),
    STATIC_LINK("static-link"),
    DYNAMIC_LINK("dynamic-link"),
    CONTAINS("contains"),
    /**
     * Not stated by the document: a component the document lists but that no stated relationship
     * reaches from the subject hangs off the subject directly, so that "what does this application
     * contain" never loses a listed component (GUAC does the same for documents with no relationships).
     */
    LISTED("listed");

    private final String label;

    EdgeKind(String label) {
        this.label = label;
    }

    /** The stable name used in output and in the store. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Reads back what {@link #label()} stored. */
    public static EdgeKind fromLabel(String label) {
        for (EdgeKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown edge kind: " + label);
    }
}
