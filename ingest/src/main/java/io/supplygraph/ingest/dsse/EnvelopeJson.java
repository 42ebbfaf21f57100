package io.supplygraph.ingest.dsse;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.ingest.DocumentRejectedException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads a DSSE envelope from its JSON form; base64 may be standard or URL-safe, as the spec allows both. */
public final class EnvelopeJson {

    private EnvelopeJson() {}

    public static Envelope read(JsonNode node) throws DocumentRejectedException {
        if (!node.isObject() || !node.path("payloadType").isTextual() || !node.path("payload").isTextual()) {
            throw new DocumentRejectedException("not a DSSE envelope: payloadType and payload are required");
        }
        List<Envelope.Signature> signatures = new ArrayList<>();
        for (JsonNode s : node.path("signatures")) {
            signatures.add(new Envelope.Signature(s.path("keyid").asText(""), base64(s.path("sig"), "signature")));
        }
        return new Envelope(node.get("payloadType").asText(), base64(node.get("payload"), "payload"), signatures);
    }

    /** Decodes a base64 field in either alphabet, naming the field when it is not base64. */
    public static byte[] base64(JsonNode value, String field) throws DocumentRejectedException {
        if (!value.isTextual()) {
            throw new DocumentRejectedException(field + " is missing");
        }
        String text = value.asText().strip();
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getMimeDecoder().decode(checkAlphabet(text));
        } catch (IllegalArgumentException e) {
            throw new DocumentRejectedException(field + " is not valid base64", e);
        }
    }

    /** The MIME decoder skips characters outside the alphabet; a signature with stray characters must fail instead. */
    private static String checkAlphabet(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=' || c == '\n'
                    || c == '\r';
            if (!ok) {
                throw new IllegalArgumentException("illegal base64 character " + c);
            }
        }
        return text;
    }
}
