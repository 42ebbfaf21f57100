package io.supplygraph.ingest;

import io.supplygraph.ingest.recognise.Recogniser;
import io.supplygraph.ingest.source.DocumentSources;
import io.supplygraph.ingest.source.SourceDocument;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.source.SourceVisitor;
import io.supplygraph.ingest.verify.TrustPolicy;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.Facts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The ingest pipeline for a batch: sources are expanded into documents, each is recognised by its content,
 * parsed and assembled into facts on the calling thread, and stored by a {@link StoreWriter} thread, so that
 * parsing the next document overlaps with writing the last one. One bad document is reported and the batch
 * goes on; nothing of it is stored.
 */
public final class Ingestor {

    /** Enough of a document's start to recognise any supported format. */
    static final int HEAD_BYTES = 64 * 1024;

    private final DocumentStore store;
    private final SourceLimits limits;
    private final TrustPolicy trust;
    private final SignedDocumentReader signed;
    private final Recogniser recogniser = new Recogniser();

    public Ingestor(DocumentStore store, SourceLimits limits, TrustPolicy trust) {
        this.store = store;
        this.limits = limits;
        this.trust = trust;
        this.signed = new SignedDocumentReader(trust);
    }

    public Ingestor(DocumentStore store, SourceLimits limits) {
        this(store, limits, TrustPolicy.lenient());
    }

    public Ingestor(DocumentStore store) {
        this(store, SourceLimits.defaults());
    }

    /** Ingests every document the arguments name: files, directories, archives, compressed files, {@code -} for stdin. */
    public IngestSummary ingest(List<String> arguments, InputStream stdin, IngestListener listener) {
        // Every event, rejections included, reaches the listener from the writer thread, in reading order.
        try (StoreWriter writer = new StoreWriter(store, listener)) {
            new DocumentSources(limits, stdin).walk(arguments, new SourceVisitor() {
                @Override
                public void accept(SourceDocument document) {
                    if (writer.failed()) {
                        writer.skipped(document.name());
                        return;
                    }
                    try {
                        for (DocumentRecord record : read(document)) {
                            writer.submit(record.source(), record);
                        }
                    } catch (DocumentRejectedException e) {
                        writer.rejected(document.name(), e.getMessage());
                    }
                }

                @Override
                public void reject(String name, String reason) {
                    writer.rejected(name, reason);
                }
            });
            return writer.finish();
        }
    }

    /**
     * Recognises, parses and assembles one document: the records to store, one for most formats, one per signed
     * statement for a file of DSSE envelopes. The digest is computed while parsing, over every byte, so a
     * document is read once.
     */
    public List<DocumentRecord> read(SourceDocument document) throws DocumentRejectedException {
        try (InputStream raw = document.open()) {
            DigestInputStream hashing = new DigestInputStream(raw, sha256());
            BufferedInputStream in = new BufferedInputStream(hashing, HEAD_BYTES);
            DocumentFormat format = recognise(in);
            if (format == DocumentFormat.DSSE_ENVELOPE || format == DocumentFormat.SIGSTORE_BUNDLE) {
                return signed.read(in.readNBytes(SignedDocumentReader.MAX_BYTES + 1), format, document.name());
            }
            DocumentReader reader = DocumentReaders.forFormat(format).orElseThrow(() -> new DocumentRejectedException(
                    "recognised as " + format.label() + ", which this version of Supplygraph does not ingest yet"));
            CountingInputStream counted = new CountingInputStream(in);
            Facts facts = reader.read(counted, fileName(document.name()));
            counted.drain();
            String digest = "sha256:" + HexFormat.of().formatHex(hashing.getMessageDigest().digest());
            // Formats read here carry no signature; signed ones took the branch above.
            return List.of(new DocumentRecord(digest, format, document.name(), counted.count(), facts,
                    trust.admit(Trust.UNSIGNED)));
        } catch (IOException e) {
            throw new DocumentRejectedException(readFailure(e), e);
        } catch (UncheckedIOException e) {
            throw new DocumentRejectedException(readFailure(e.getCause()), e);
        } catch (StackOverflowError e) {
            // Parsers bound their own depth; this is the last line of defence against one that did not.
            throw new DocumentRejectedException("the document is nested too deeply to read", null);
        }
    }

    private DocumentFormat recognise(BufferedInputStream in) throws IOException, DocumentRejectedException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        if (head.length == 0) {
            throw new DocumentRejectedException("empty file: not a supported document");
        }
        Optional<DocumentFormat> format = recogniser.recognise(head, head.length);
        return format.orElseThrow(() -> new DocumentRejectedException(
                "not a supported document (expected SPDX 2.x JSON or tag-value, SPDX 3 JSON-LD, CycloneDX JSON or XML,"
                        + " OpenVEX, CSAF, OSV, an in-toto Statement, a DSSE envelope, a Sigstore bundle or an"
                        + " OpenSSF Scorecard result)"));
    }

    private static String readFailure(IOException e) {
        String message = e.getMessage();
        return "could not be read: " + (message == null ? e.getClass().getSimpleName() : message);
    }

    private static String fileName(String source) {
        String last = source.substring(source.lastIndexOf('!') + 1);
        Path name = Path.of(last.replace('\\', '/')).getFileName();
        return name == null ? source : name.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
