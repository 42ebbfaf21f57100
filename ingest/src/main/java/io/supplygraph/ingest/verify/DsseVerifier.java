package io.supplygraph.ingest.verify;

import io.supplygraph.ingest.dsse.Envelope;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.ingest.verify.crypto.Signatures;
import io.supplygraph.model.Trust;
import java.security.PublicKey;
import java.util.List;

/**
 * Verifies a plain DSSE envelope against configured public keys. One verified signature is enough: DSSE lets
 * several parties sign, and a threshold is a policy question for later. The {@code keyid} hint is not trusted,
 * so every configured key is tried against every signature.
 */
public final class DsseVerifier {

    private record Key(String id, Signatures.Check check) {}

    private final List<Key> keys;

    public DsseVerifier(List<PublicKey> keys) {
        this.keys = keys.stream().map(k -> new Key(PublicKeys.id(k), Signatures.check(k))).toList();
    }

    public Trust verify(Envelope envelope) {
        if (envelope.signatures().isEmpty()) {
            return Trust.UNSIGNED;
        }
        if (keys.isEmpty()) {
            return Trust.failed("signed, but no public key (--key) was given to check the signature");
        }
        byte[] pae = envelope.pae();
        for (Envelope.Signature signature : envelope.signatures()) {
            for (Key key : keys) {
                if (key.check().verify(pae, signature.sig())) {
                    return Trust.verified(key.id());
                }
            }
        }
        return Trust.failed("no signature verifies with the " + keys.size() + " given public key"
                + (keys.size() == 1 ? "" : "s"));
    }
}
