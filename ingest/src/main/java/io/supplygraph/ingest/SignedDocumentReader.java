package io.supplygraph.ingest;

import io.supplygraph.ingest.intoto.StatementReader;
import io.supplygraph.ingest.verify.EnvelopeReader;
import io.supplygraph.ingest.verify.SignedPayload;
import io.supplygraph.ingest.verify.TrustPolicy;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.Facts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Signed documents: DSSE envelopes (one, or one per line of an {@code .intoto.jsonl}) and Sigstore bundles. Each
 * envelope is verified by {@code verify/EnvelopeReader} and its payload, an in-toto Statement, read by
 * {@code intoto/StatementReader}. One statement is one document: each line of an {@code .intoto.jsonl} is stored
 * as a document of its own (named {@code file#line}, its digest the line's), since each is signed on its own and
 * a statement table row belongs to one document; a file holding one envelope keeps the file's digest.
 */
final class SignedDocumentReader {

    /** Signed documents are small (a statement and its signatures); a larger one is not read into memory. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final String IN_TOTO = "application/vnd.in-toto+json";

    private final TrustPolicy policy;
    private final EnvelopeReader envelopes;
    private final StatementReader statements = new StatementReader();

    SignedDocumentReader(TrustPolicy policy) {
        this.policy = policy;
        this.envelopes = new EnvelopeReader(policy.verification());
    }

    List<DocumentRecord> read(byte[] bytes, DocumentFormat format, String source)
            throws IOException, DocumentRejectedException {
        if (bytes.length > MAX_BYTES) {
            throw new DocumentRejectedException("a signed document larger than " + MAX_BYTES / (1024 * 1024)
                    + " MiB is not read");
        }
        List<byte[]> units = lines(bytes);
        List<DocumentRecord> records = new ArrayList<>();
        for (int line = 0; line < units.size(); line++) {
            byte[] unit = units.size() == 1 ? bytes : units.get(line);
            String name = units.size() == 1 ? source : source + "#" + (line + 1);
            List<SignedPayload> payloads = envelopes.read(new ByteArrayInputStream(unit));
            for (int i = 0; i < payloads.size(); i++) {
                SignedPayload p = payloads.get(i);
                String unitName = payloads.size() == 1 ? name : name + "#" + (i + 1);
                byte[] identity = payloads.size() == 1 ? unit : p.payload();
                records.add(new DocumentRecord(sha256(identity), format, unitName, identity.length, statement(p),
                        admit(p.trust())));
            }
        }
        return records;
    }

    private Facts statement(SignedPayload p) throws IOException, DocumentRejectedException {
        if (p.payload() == null) {
            throw new DocumentRejectedException("a message-signature bundle signs an artifact, not a statement:"
                    + " check it with 'supplygraph verify FILE --artifact ARTIFACT'");
        }
        if (!IN_TOTO.equals(p.payloadType())) {
            throw new DocumentRejectedException("the envelope's payload is " + p.payloadType()
                    + "; only in-toto statements (" + IN_TOTO + ") are ingested");
        }
        return statements.read(p.payload());
    }

    private Trust admit(Trust trust) throws DocumentRejectedException {
        return policy.admit(trust);
    }

    /** The non-blank lines, for {@code .intoto.jsonl}; a pretty-printed single envelope is one unit. */
    private static List<byte[]> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        List<byte[]> lines = new ArrayList<>();
        if (!text.startsWith("{") || text.indexOf("\n{") < 0) {
            lines.add(bytes);
            return lines;
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
