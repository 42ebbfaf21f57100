package io.supplygraph.model.fact;

import java.util.List;

/**
 * What one document asserts, ready to be stored in one transaction. Each kind of document (SBOM, VEX, advisory,
 * attestation, ...) has its own record; the store has one writer per kind.
 */
public sealed interface Facts
        permits SbomFacts,
                VexFacts,
                AttestationFacts,
                ScorecardFacts,
                AdvisoryFacts,
                CveFacts {

    /** The format's version as the document states it, or null. */
    String specVersion();

    /** The document's own name or id, or null. */
    String name();

    /** How many package entries the document lists; 0 for documents that list none. */
    int componentCount();

    /** What was wrong with single entries, which were skipped or kept as they were. */
    List<String> warnings();
}
