package io.supplygraph.model.fact;

import com.fasterxml.jackson.annotation.JsonValue;
import io.supplygraph.model.osv.OsvAffected;
import java.util.List;

/**
 * What one OSV advisory record asserts: a vulnerability (or, for {@code MAL-} records, a malicious package), the
 * ids that name it, its severity and the package ranges it affects. Each affected entry carries the key that a
 * package found in an SBOM is looked up by, so that matching either way round is an index lookup.
 *
 * @param specVersion the record's {@code schema_version}, or null
 * @param advisories  the records of the document; an OSV file holds one
 * @param warnings    what was wrong with single entries, which were skipped
 */
public record AdvisoryFacts(String specVersion, List<Advisory> advisories, List<String> warnings) implements Facts {

    public AdvisoryFacts {
        advisories = List.copyOf(advisories);
        warnings = List.copyOf(warnings);
    }

    /** The record's id names the document. */
    @Override
    public String name() {
        return advisories.isEmpty() ? null : advisories.get(0).id();
    }

    @Override
    public int componentCount() {
        return 0;
    }

    public enum Kind {
        VULNERABILITY,
        /** The OpenSSF malicious-packages data: every listed version of the package is malware. */
        MALICIOUS;

        /** The name in output and in the store: {@code vulnerability}, {@code malicious}. */
        @JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Reads back what {@link #label()} stored. */
        public static Kind fromLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown advisory kind: " + label);
        }

        public static Kind ofId(String id) {
            return id.startsWith("MAL-") ? MALICIOUS : VULNERABILITY;
        }
    }

    /**
     * One OSV record.
     *
     * @param modified  RFC 3339, as the record states it: a newer {@code modified} replaces an older record
     * @param withdrawn when set, the record is retracted and asserts no findings
     */
    public record Advisory(String id, List<String> aliases, String modified, String published, String withdrawn,
            String summary, Kind kind, Severity severity, List<Affected> affected) {

        public Advisory {
            aliases = List.copyOf(aliases);
            affected = List.copyOf(affected);
        }
    }

    /**
     * How bad it is: a base score from a CVSS vector, or only a rating where the advisory gives a word instead.
     *
     * @param rating {@code critical}, {@code high}, {@code medium}, {@code low} or {@code none}
     * @param score  the CVSS base score, or null without a vector
     * @param source the vector the score comes from, or where the rating was read ({@code database_specific})
     */
    public record Severity(String rating, Double score, String source) {}

    /**
     * One {@code affected[]} entry.
     *
     * @param key     the entry's package as a match key: the OSV ecosystem (without release) and the name
     *                normalised by that ecosystem's rules, e.g. {@code PyPI requests}
     * @param release the distribution release the entry is scoped to ({@code 12} of {@code Debian:12}), or null
     * @param entry   the ranges and versions, evaluated with the OSV rules when a package version meets the key
     */
    public record Affected(String key, String release, OsvAffected entry) {}
}
