package io.supplygraph.model.fact;

import io.supplygraph.model.Digest;
import java.util.List;

/**
 * An in-toto Statement (v0.1 or v1): what it is about (its subjects) and what kind of claim it makes (its
 * predicate type). Predicates Supplygraph understands add their own facts: SLSA provenance, or an SBOM (SPDX,
 * CycloneDX) about the subjects; any other predicate is kept as a generic attestation about its subjects.
 *
 * @param specVersion   the Statement version from {@code _type}: {@code 0.1} or {@code 1}
 * @param predicateType as written
 * @param subjects      in document order
 * @param provenance    the SLSA provenance predicate, or null
 * @param sbom          the SBOM predicate, its subject carrying the statement's subject digests, or null
 * @param warnings      what was wrong with single entries
 */
public record AttestationFacts(
        String specVersion,
        String predicateType,
        List<Subject> subjects,
        ProvenanceFacts provenance,
        SbomFacts sbom,
        List<String> warnings) implements Facts {

    public AttestationFacts {
        subjects = List.copyOf(subjects);
        warnings = List.copyOf(warnings);
        if (provenance != null && sbom != null) {
            throw new IllegalArgumentException("a statement has one predicate");
        }
    }

    /**
     * One subject (an in-toto ResourceDescriptor).
     *
     * @param name    as written, or null
     * @param uri     as written (a purl, for some attestations about packages), or null
     * @param digests its digests; empty for a subject named by uri only
     */
    public record Subject(String name, String uri, List<Digest> digests) {
        public Subject {
            digests = List.copyOf(digests);
        }
    }

    /** The first subject's name: what a person recognises the statement by. */
    @Override
    public String name() {
        for (Subject s : subjects) {
            if (s.name() != null && !s.name().isBlank()) {
                return s.name();
            }
            if (s.uri() != null) {
                return s.uri();
            }
        }
        return null;
    }

    @Override
    public int componentCount() {
        return sbom == null ? 0 : sbom.componentCount();
    }
}
