package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The licences of a document's, an application's or the portfolio's components (the package versions listed below
 * a subject). A component's licence is the concluded one where a document states it (SPDX's reviewed conclusion),
 * else the declared one; a package version that documents license differently counts once under each.
 *
 * @param scope       {@code document}, {@code application} or {@code portfolio}
 * @param target      the document's digest or the application's purl; null for the portfolio
 * @param licenceList the version of the SPDX licence list ids were normalised against
 * @param components  distinct package versions in scope
 * @param licences    per licence expression (normalised to the list's spelling), most components first
 * @param classes     per class, from permissive to proprietary or unknown, only those with components
 * @param unknown     the components whose licence is proprietary or unknown, and why; by purl
 * @param copyleft    the copyleft components, with a path to each; most restrictive class first, then by purl
 */
public record LicenceReport(String scope, String target, String licenceList, int components,
        List<LicenceCount> licences, List<ClassCount> classes, List<Unknown> unknown, List<Copyleft> copyleft) {

    public record LicenceCount(String licence, @JsonProperty("class") LicenceClass licenceClass, int components) {}

    public record ClassCount(@JsonProperty("class") LicenceClass licenceClass, int components) {}

    /**
     * A component whose licence says nothing usable.
     *
     * @param licence as written (concluded, else declared); null when no document states one
     * @param warning what was wrong with the expression, or null
     */
    public record Unknown(String purl, String licence, Reason reason, String warning) {}

    /** Why a licence is proprietary or unknown. */
    public enum Reason {
        /** No document states a licence. */
        NOT_STATED,
        /** SPDX NOASSERTION: the document says it does not know. */
        NOASSERTION,
        /** SPDX NONE: there is no licence, so no right to use it. */
        NONE,
        /** The text is no SPDX licence expression (a licence's name, free text), kept as written. */
        NOT_AN_EXPRESSION,
        /** A LicenseRef, an id the SPDX list lacks, or a listed licence nobody approves. */
        UNRECOGNISED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A copyleft component and one way it came in.
     *
     * @param documents how many documents in scope list it with this licence
     * @param document  the document the path is from
     * @param path      purls from that document's subject down to the component, both included
     */
    public record Copyleft(String purl, String licence, @JsonProperty("class") LicenceClass licenceClass,
            int documents, String document, List<String> path) {}
}
