package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A document joined to another one by nesting: a container image's SBOM lists a jar whose own SBOM is this one.
 *
 * @param relation whether this document is inside the other ({@code inside}) or the other inside it ({@code holds})
 * @param via      what joins them: the purl, or the artifact digest, that one lists and the other is about
 */
public record NestedDocument(String digest, String subject, Relation relation, JoinedBy joinedBy, String via) {

    public enum Relation {
        /** The other document lists this one's subject. */
        INSIDE,
        /** This one lists the other document's subject. */
        HOLDS;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum JoinedBy {
        PURL,
        ARTIFACT;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
