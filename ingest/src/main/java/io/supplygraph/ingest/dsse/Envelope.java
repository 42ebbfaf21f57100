package io.supplygraph.ingest.dsse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A DSSE envelope (https://github.com/secure-systems-lab/dsse): a payload, its type, and signatures over the
 * pre-authentication encoding of both, so that a signature cannot be replayed for another payload type.
 *
 * @param payloadType how to read the payload, e.g. {@code application/vnd.in-toto+json}
 * @param payload     the decoded payload bytes
 * @param signatures  as listed; DSSE allows several signers
 */
public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {

    /** @param keyId the signer's hint, possibly empty; never trusted, only a hint for choosing a key */
    public record Signature(String keyId, byte[] sig) {}

    public Envelope {
        signatures = List.copyOf(signatures);
    }

    /** The bytes every signature covers: {@code DSSEv1 SP len(type) SP type SP len(body) SP body}. */
    public byte[] pae() {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
