package io.supplygraph.model.fact;

import com.fasterxml.jackson.annotation.JsonValue;
import io.supplygraph.model.PackageIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one VEX document (OpenVEX, CSAF VEX) asserts: for a vulnerability and a package version, whether that
 * version is affected. CycloneDX VEX arrives inside {@link SbomFacts#vex()} since it is part of a BOM.
 *
 * @param specVersion the format's version as the document states it, or null
 * @param name        the document's id, or null
 * @param statements  one per (vulnerability, product, subcomponent) the document names
 * @param warnings    what was wrong with single entries, which were skipped
 */
public record VexFacts(String specVersion, String name, List<Statement> statements, List<String> warnings)
        implements Facts {

    public VexFacts {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    @Override
    public int componentCount() {
        return 0;
    }

    /** The four statuses every VEX format shares (OpenVEX's names; CSAF and CycloneDX map onto them). */
    public enum Status {
        NOT_AFFECTED,
        AFFECTED,
        FIXED,
        UNDER_INVESTIGATION;

        /** The stable name used in output and in the store: {@code not_affected}, ... */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> fromLabel(String label) {
            if (label == null) {
                return Optional.empty();
            }
            for (Status s : values()) {
                if (s.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One VEX statement about one package version.
     *
     * @param vulnerability   the id the statement names (CVE, GHSA, ...)
     * @param aliases         other ids the statement gives for the same vulnerability; may be empty
     * @param pkg             the package version the status is about: the subcomponent when the statement names
     *                        one, else the product itself (synthetic {@code pkg:generic/NAME@VERSION} when the
     *                        document identifies it by name only)
     * @param product         the product that contains {@code pkg}, when the statement is scoped to it and the
     *                        document gives it a purl; null otherwise
     * @param productLabel    a CPE or name of the product as the document gives it (for display), or null
     * @param status          the status
     * @param justification   why not affected (OpenVEX / CycloneDX / CSAF flag label as written), or null
     * @param impactStatement free text: why not affected, or null
     * @param actionStatement free text: what to do when affected, or null
     * @param timestamp       when the statement was last made, or null when the document does not say
     */
    public record Statement(
            String vulnerability,
            List<String> aliases,
            PackageIdentity pkg,
            PackageIdentity product,
            String productLabel,
            Status status,
            String justification,
            String impactStatement,
            String actionStatement,
            Instant timestamp) {

        public Statement {
            Objects.requireNonNull(vulnerability, "vulnerability");
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(status, "status");
            aliases = List.copyOf(aliases);
        }
    }
}
