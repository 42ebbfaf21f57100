package io.supplygraph.ingest.intoto;

import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentReaders;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.recognise.Recogniser;
import io.supplygraph.model.Digest;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.fact.Facts;
import io.supplygraph.model.fact.SbomFacts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * An SBOM carried as a statement's predicate (cosign and in-toto's SPDX and CycloneDX predicate types). The
 * predicate is an SBOM document like any other: its format is recognised from its content, as for a file, and
 * it is read by that format's reader; the statement adds that it describes the statement's subject digests.
 */
final class SbomPredicate {

    private static final List<String> PREDICATE_TYPES = List.of(
            "https://spdx.dev/Document", "https://cyclonedx.org/bom", "https://cyclonedx.org/schema");

    private SbomPredicate() {}

    static boolean isSbom(String predicateType) {
        return PREDICATE_TYPES.stream().anyMatch(predicateType::startsWith);
    }

    /**
     * The SBOM's facts about {@code subjects}, or null (with a warning: the statement is then kept as a generic
     * attestation) when the predicate is not an SBOM Supplygraph reads.
     */
    static SbomFacts read(byte[] predicate, String name, List<Digest> subjects, List<String> warnings)
            throws IOException {
        if (predicate == null) {
            warnings.add("the SBOM predicate is empty; kept as a generic attestation");
            return null;
        }
        Optional<DocumentFormat> format = new Recogniser().recognise(predicate, Math.min(predicate.length, Recogniser.HEAD_BYTES));
        Optional<DocumentReader> reader = format.filter(DocumentFormat::isSbom).flatMap(DocumentReaders::forFormat);
        if (reader.isEmpty()) {
            warnings.add("the predicate is not an SBOM format Supplygraph reads"
                    + format.map(f -> " (recognised as " + f.label() + ")").orElse("") + "; kept as a generic attestation");
            return null;
        }
        try {
            Facts facts = reader.get().read(new ByteArrayInputStream(predicate), name);
            SbomFacts sbom = ((SbomFacts) facts).describingArtifacts(subjects);
            sbom.warnings().forEach(w -> warnings.add("predicate: " + w));
            return sbom;
        } catch (DocumentRejectedException e) {
            warnings.add("the " + format.get().label() + " predicate could not be read (" + e.getMessage()
                    + "); kept as a generic attestation");
            return null;
        }
    }
}
