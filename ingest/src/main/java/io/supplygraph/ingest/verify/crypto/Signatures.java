package io.supplygraph.ingest.verify.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * Checks a signature with whichever scheme the key implies: ECDSA with the hash that matches the curve (DER or
 * the raw r||s form some DSSE signers write), Ed25519, RSA PKCS#1 v1.5 or PSS with SHA-256.
 *
 * <p>ECDSA goes through BouncyCastle's curve-specific arithmetic rather than the JDK: on Java 17 SunEC's generic
 * field code verifies P-256 five to eight times slower (DsseVerifyBenchmark), and verifying ECDSA envelopes is the
 * hot path of ingesting attestations. A {@link Check} converts the key once, so a verifier built for a set of
 * configured keys pays that cost once and not per envelope.
 */
public final class Signatures {

    /** A signature check bound to one key. */
    @FunctionalInterface
    public interface Check {
        boolean verify(byte[] data, byte[] signature);
    }

    private Signatures() {}

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        return check(key).verify(data, signature);
    }

    public static Check check(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            EcdsaCheck ecdsa = new EcdsaCheck(ec);
            return (data, signature) -> ecdsa.verifyDigest(ecdsa.hash(data), signature);
        }
        if (key instanceof RSAPublicKey) {
            return (data, signature) -> jdk("SHA256withRSA", key, data, signature) || rsaPss(key, data, signature);
        }
        String algorithm = key.getAlgorithm().equals("EdDSA") ? "Ed25519" : key.getAlgorithm();
        return (data, signature) -> jdk(algorithm, key, data, signature);
    }

    /**
     * Checks a signature over a message of which only the SHA-256 {@code digest} is known, as a message-signature
     * bundle verified with {@code --digest} requires. Ed25519 signs the message itself, so it cannot be checked so.
     */
    public static boolean verifyDigest(PublicKey key, byte[] digest, byte[] signature) {
        if (key instanceof ECPublicKey ec) {
            return new EcdsaCheck(ec).verifyDigest(digest, signature);
        }
        if (key instanceof RSAPublicKey) {
            return jdk("NONEwithRSA", key, sha256DigestInfo(digest), signature);
        }
        return false;
    }

    private static boolean jdk(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean rsaPss(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            pss.initVerify(key);
            pss.update(data);
            return pss.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
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

    private static final class EcdsaCheck {
        private final ECPublicKeyParameters key;
        private final String hash;

        EcdsaCheck(ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            X9ECParameters curve = CustomNamedCurves.getByName(switch (bits) {
                case 384 -> "secp384r1";
                case 521 -> "secp521r1";
                default -> "secp256r1";
            });
            this.hash = switch (bits) {
                case 384 -> "SHA-384";
                case 521 -> "SHA-512";
                default -> "SHA-256";
            };
            this.key = new ECPublicKeyParameters(curve.getCurve().createPoint(ec.getW().getAffineX(),
                    ec.getW().getAffineY()), new ECDomainParameters(curve));
        }

        byte[] hash(byte[] data) {
            try {
                return MessageDigest.getInstance(hash).digest(data);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(hash + " is in every Java platform", e);
            }
        }

        /** A raw r||s signature may start with 0x30 by chance, so DER is tried first and the raw form after it. */
        boolean verifyDigest(byte[] digest, byte[] signature) {
            for (DSAEncoding encoding : List.of(StandardDSAEncoding.INSTANCE, PlainDSAEncoding.INSTANCE)) {
                BigInteger[] rs;
                try {
                    rs = encoding.decode(key.getParameters().getN(), signature);
                } catch (IllegalArgumentException | IOException e) {
                    continue;
                }
                ECDSASigner verifier = new ECDSASigner();
                verifier.init(false, key);
                return verifier.verifySignature(digest, rs[0], rs[1]);
            }
            return false;
        }
    }
}
