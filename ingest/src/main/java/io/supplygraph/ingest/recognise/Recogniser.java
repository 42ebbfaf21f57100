package io.supplygraph.ingest.recognise;

import io.supplygraph.ingest.source.SourceDocument;
import io.supplygraph.model.DocumentFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells a document's format from its first bytes, never from its name. The head may stop anywhere in
 * the document: recognition uses what it can see and falls back to weaker signals when the deciding
 * key lies beyond it. Anything unknown, empty or binary is {@link Optional#empty()}, never an exception.
 */
public final class Recogniser implements Recognition {

    /** Enough to reach the deciding keys of every format we know, in the documents we have seen. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final String TAG_VALUE_VERSION = "SPDXVersion:";

    /** Reads the first {@link #HEAD_BYTES} of the document and recognises them. */
    public Optional<DocumentFormat> recognise(SourceDocument document) throws IOException {
        byte[] head;
        try (InputStream in = document.open()) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return recognise(head, head.length);
    }

    /** Recognises the first {@code length} bytes of {@code head}: a document's beginning, complete or not. */
    @Override
    public Optional<DocumentFormat> recognise(byte[] head, int length) {
        int start = firstSignificantByte(head, length);
        if (start == length) {
            return Optional.empty();
        }
        return switch (head[start]) {
            case '{' -> JsonHead.scan(head, start, length - start).format();
            case '<' -> XmlHead.recognise(head, start, length - start);
            default -> isTagValue(head, start, length) ? Optional.of(DocumentFormat.SPDX_2_TAG_VALUE) : Optional.empty();
        };
    }

    @Override
    public String unrecognised() {
        return "not a supported document (expected SPDX 2.x JSON or tag-value, SPDX 3 JSON-LD, CycloneDX JSON or XML,"
                + " OpenVEX, CSAF, OSV, a CVE record, an in-toto Statement, a DSSE envelope, a Sigstore bundle or an OpenSSF"
                + " Scorecard result)";
    }

    /** Skips a UTF-8 byte order mark and whitespace. */
    private static int firstSignificantByte(byte[] head, int length) {
        int i = length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf
                ? 3 : 0;
        while (i < length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** SPDX tag-value: text with an {@code SPDXVersion:} tag at the start of a line, usually the first. */
    private static boolean isTagValue(byte[] head, int start, int length) {
        for (int i = start; i < length; i++) {
            if (head[i] == 0) {
                return false; // binary
            }
        }
        String text = new String(head, start, length - start, StandardCharsets.ISO_8859_1);
        return text.lines().anyMatch(line -> line.stripLeading().startsWith(TAG_VALUE_VERSION));
    }
}
