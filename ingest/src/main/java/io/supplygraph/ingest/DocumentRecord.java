package io.supplygraph.ingest;

import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.Facts;

/**
 * One received document and what it asserts.
 *
 * @param digest    {@code sha256:<hex>} of the bytes as received (after decompression, which is what was parsed)
 * @param format    the format recognised from its content
 * @param source    where it came from, as shown to the user
 * @param sizeBytes how many bytes were parsed
 * @param facts     what the document asserts
 * @param trust     who signed it, as verified: unsigned, verified (signer) or failed (reason)
 * @param naming    its application and release when the user named them, and whether it replaces older documents
 */
public record DocumentRecord(String digest, DocumentFormat format, String source, long sizeBytes, Facts facts,
        Trust trust, ReleaseNaming naming) {

    /** A document named by its subject, superseding nothing. */
    public DocumentRecord(String digest, DocumentFormat format, String source, long sizeBytes, Facts facts,
            Trust trust) {
        this(digest, format, source, sizeBytes, facts, trust, ReleaseNaming.FROM_SUBJECTS);
    }

    /** No text of a record holds NUL (U+0000): it is replaced by ␀, with a warning; NulEscaper says why. */
    public DocumentRecord {
        NulEscaper nul = new NulEscaper();
        source = nul.text(source, "source");
        trust = nul.value(trust, "trust");
        facts = nul.facts(facts);
        naming = nul.value(naming, "naming");
    }

    /** The same document, about the application and release {@code naming} names. */
    public DocumentRecord named(ReleaseNaming naming) {
        return new DocumentRecord(digest, format, source, sizeBytes, facts, trust, naming);
    }
}
