package io.supplygraph.ingest.verify.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;

/**
 * Checks a signature with whichever scheme the key implies: ECDSA with the hash that matches the curve (DER or
 * the raw r||s form some DSSE signers write), Ed25519, RSA PKCS#1 v1.5 or PSS with SHA-256.
 */
public final class Signatures {

    private Signatures() {}

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        for (Signature verifier : verifiers(key, signature)) {
            try {
                verifier.update(data);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature for this scheme: try the next, and fail when none verifies
            }
        }
        return false;
    }

    /**
     * Checks a signature over a message of which only the SHA-256 {@code digest} is known, as a message-signature
     * bundle verified with {@code --digest} requires. Ed25519 signs the message itself, so it cannot be checked so.
     */
    public static boolean verifyDigest(PublicKey key, byte[] digest, byte[] signature) {
        try {
            if (key instanceof ECPublicKey) {
                Signature ecdsa = Signature.getInstance(isDer(signature) ? "NONEwithECDSA" : "NONEwithECDSAinP1363Format");
                ecdsa.initVerify(key);
                ecdsa.update(digest);
                return ecdsa.verify(signature);
            }
            if (key instanceof RSAPublicKey) {
                Signature rsa = Signature.getInstance("NONEwithRSA");
                rsa.initVerify(key);
                rsa.update(sha256DigestInfo(digest));
                return rsa.verify(signature);
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<Signature> verifiers(PublicKey key, byte[] signature) {
        try {
            if (key instanceof ECPublicKey ec) {
                String hash = switch (ec.getParams().getCurve().getField().getFieldSize()) {
                    case 384 -> "SHA384";
                    case 521 -> "SHA512";
                    default -> "SHA256";
                };
                return List.of(init(hash + (isDer(signature) ? "withECDSA" : "withECDSAinP1363Format"), key));
            }
            if (key instanceof RSAPublicKey) {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                pss.initVerify(key);
                return List.of(init("SHA256withRSA", key), pss);
            }
            return List.of(init(key.getAlgorithm().equals("EdDSA") ? "Ed25519" : key.getAlgorithm(), key));
        } catch (GeneralSecurityException e) {
            return List.of();
        }
    }

    private static Signature init(String algorithm, PublicKey key) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        s.initVerify(key);
        return s;
    }

    /** A DER ECDSA signature is a SEQUENCE; the raw form is two fixed-width integers. */
    private static boolean isDer(byte[] signature) {
        return signature.length > 8 && signature[0] == 0x30 && (signature[1] & 0xff) + 2 == signature.length
                || signature.length > 8 && signature[0] == 0x30 && signature[1] == (byte) 0x81;
    }

    /** PKCS#1 v1.5 signs DigestInfo(sha256, digest): the fixed DER prefix followed by the digest. */
    private static byte[] sha256DigestInfo(byte[] digest) {
        byte[] prefix = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                0x01, 0x05, 0x00, 0x04, 0x20};
        byte[] info = new byte[prefix.length + digest.length];
        System.arraycopy(prefix, 0, info, 0, prefix.length);
        System.arraycopy(digest, 0, info, prefix.length, digest.length);
        return info;
    }
}
