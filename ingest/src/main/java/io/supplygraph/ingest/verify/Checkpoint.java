package io.supplygraph.ingest.verify;

import io.supplygraph.ingest.sigstore.TrustedRoot;
import io.supplygraph.ingest.verify.crypto.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A transparency log's checkpoint: a signed note (C2SP signed-note) stating the log's origin, size and root
 * hash. Witnesses may add their own signature lines; those are skipped, since their keys are not in the root,
 * but one line must be the log's own: named after the log's host, with the log key's 4-byte hint, verifying.
 *
 * @param body the signed text: origin, size and root lines and any extension lines, each ending in a newline
 */
record Checkpoint(String origin, long size, byte[] rootHash, String body, String signatures) {

    static Checkpoint parse(String note) throws VerificationException {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new VerificationException("the checkpoint has no signature block");
        }
        String body = note.substring(0, split + 1);
        String[] lines = body.split("\n");
        if (lines.length < 3 || lines[0].isBlank() || lines[1].isBlank() || lines[2].isBlank()) {
            throw new VerificationException("the checkpoint lacks its origin, size or root hash line");
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), body,
                    note.substring(split + 2));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the checkpoint's size or root hash cannot be read", e);
        }
    }

    /** Passes when a signature line from {@code log} verifies over the body. */
    void verifySignedBy(TrustedRoot.Log log) throws VerificationException {
        byte[] hint = Arrays.copyOf(log.keyId(), 4);
        byte[] signed = body.getBytes(StandardCharsets.UTF_8);
        for (String line : signatures.split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length != 3 || !parts[0].equals("\u2014") || !parts[1].equals(log.origin())) {
                continue;
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (signature.length > 4 && Arrays.equals(Arrays.copyOf(signature, 4), hint)
                    && Signatures.verify(log.key(), signed, Arrays.copyOfRange(signature, 4, signature.length))) {
                return;
            }
        }
        throw new VerificationException("no checkpoint signature from the log " + log.origin() + " verifies");
    }
}
