package io.supplygraph.ingest;

import io.supplygraph.ingest.recognise.NonDocuments;
import io.supplygraph.ingest.recognise.Recognition;
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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The ingest pipeline for a batch: sources are expanded into documents, each is recognised by its content,
 * parsed and assembled into facts on the calling thread, and stored by a {@link StoreWriter} thread, so that
 * parsing the next document overlaps with writing the last one. One bad document is reported and the batch
 * goes on; nothing of it is stored. {@code ingest} and {@code osv import} both run it, with the
 * {@link IngestOptions} that say what differs between them.
 */
public final class Ingestor {

    /** Enough of a document's start to recognise any supported format. */
    static final int HEAD_BYTES = 64 * 1024;

    /** Cloned for each document: looking the algorithm up among the providers costs more than hashing 2 KB. */
    private static final MessageDigest SHA_256 = sha256Prototype();

    private final DocumentStore store;
    private final IngestOptions options;
    private final SignedDocumentReader signed;

    public Ingestor(DocumentStore store, IngestOptions options) {
        this.store = store;
        this.options = options;
        this.signed = new SignedDocumentReader(options.trust());
    }

    public Ingestor(DocumentStore store, SourceLimits limits, TrustPolicy trust) {
        this(store, IngestOptions.of(limits, trust));
    }

    public Ingestor(DocumentStore store) {
        this(store, IngestOptions.defaults());
    }

    /** Ingests every document the arguments name: files, directories, archives, compressed files, {@code -} for stdin. */
    public IngestSummary ingest(List<String> arguments, InputStream stdin, IngestListener listener) {
        // Every event, rejections included, reaches the listener from the writer thread, in reading order.
        Set<String> named = new HashSet<>();
        arguments.forEach(a -> named.add(a.equals(DocumentSources.STDIN_ARGUMENT) ? DocumentSources.STDIN_NAME
                : options.sourceNames().apply(a)));
        try (StoreWriter writer = new StoreWriter(store, listener, options.maxBatch())) {
            new DocumentSources(options.limits(), stdin, options.sourceNames()).walk(arguments, new SourceVisitor() {
                @Override
                public void accept(SourceDocument document) {
                    if (writer.failed()) {
                        writer.notRead(document.name());
                        return;
                    }
                    try {
                        for (DocumentRecord record : read(document)) {
                            writer.submit(record.source(), record);
                        }
                    } catch (UnrecognisedDocument e) {
                        if (skips(e, named.contains(document.name()))) {
                            writer.skipped(document.name(), e.getMessage());
                        } else {
                            writer.rejected(document.name(), e.getMessage());
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

    private boolean skips(UnrecognisedDocument e, boolean namedOnTheCommandLine) {
        return switch (options.unrecognised()) {
            case SKIP -> true;
            case REJECT -> false;
            case SKIP_NON_DOCUMENTS_FOUND -> !namedOnTheCommandLine && e.cannotBeDocument;
        };
    }

    /**
     * Recognises, parses and assembles one document: the records to store, one for most formats, one per signed
     * statement for a file of DSSE envelopes. The digest is computed while parsing, over every byte, so a
     * document is read once.
     *
     * @throws DocumentRejectedException also when the document is of no format the options read
     */
    public List<DocumentRecord> read(SourceDocument document) throws DocumentRejectedException {
        // A buffer no larger than the document: an OSV export is hundreds of thousands of 2 KB records, and a
        // 64 KiB buffer apiece would be most of what reading one allocates. It grows up to the mark for a larger one.
        int headBytes = (int) Math.max(1, Math.min(HEAD_BYTES, document.size()));
        try (InputStream raw = document.open()) {
            DigestInputStream hashing = new DigestInputStream(raw, sha256());
            BufferedInputStream in = new BufferedInputStream(hashing, headBytes);
            DocumentFormat format = recognise(in, headBytes, document.name());
            if (format == DocumentFormat.DSSE_ENVELOPE || format == DocumentFormat.SIGSTORE_BUNDLE) {
                return signed.read(in.readNBytes(SignedDocumentReader.MAX_BYTES + 1), format, document.name()).stream()
                        .map(r -> r.named(options.naming())).toList();
            }
            DocumentReader reader = DocumentReaders.forFormat(format).orElseThrow(() -> new DocumentRejectedException(
                    "recognised as " + format.label() + ", which this version of Supplygraph does not ingest yet"));
            CountingInputStream counted = new CountingInputStream(in);
            Facts facts = reader.read(counted, fileName(document.name()));
            counted.drain();
            String digest = "sha256:" + HexFormat.of().formatHex(hashing.getMessageDigest().digest());
            // Formats read here carry no signature; signed ones took the branch above.
            return List.of(new DocumentRecord(digest, format, document.name(), counted.count(), facts,
                    options.trust().admit(Trust.UNSIGNED), options.naming()));
        } catch (IOException e) {
            throw new DocumentRejectedException(readFailure(e), e);
        } catch (UncheckedIOException e) {
            throw new DocumentRejectedException(readFailure(e.getCause()), e);
        } catch (StackOverflowError e) {
            // Parsers bound their own depth; this is the last line of defence against one that did not.
            throw new DocumentRejectedException("the document is nested too deeply to read", null);
        }
    }

    private DocumentFormat recognise(BufferedInputStream in, int headBytes, String name)
            throws IOException, DocumentRejectedException {
        in.mark(HEAD_BYTES);
        byte[] head = new byte[headBytes];
        int length = in.readNBytes(head, 0, headBytes);
        in.reset();
        Recognition recognition = options.recognition();
        if (length == 0) {
            throw new UnrecognisedDocument("empty file: " + recognition.unrecognised(), true);
        }
        return recognition.recognise(head, length).orElseThrow(() -> new UnrecognisedDocument(
                recognition.unrecognised(), NonDocuments.cannotBeDocument(name, head, length)));
    }

    /** A document of no format the options read: rejected or skipped, as {@link IngestOptions#unrecognised()} says. */
    private static final class UnrecognisedDocument extends DocumentRejectedException {
        /** Its name or content says it is no document of any kind (a README), rather than a broken one. */
        final boolean cannotBeDocument;

        UnrecognisedDocument(String reason, boolean cannotBeDocument) {
            super(reason);
            this.cannotBeDocument = cannotBeDocument;
        }
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
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
