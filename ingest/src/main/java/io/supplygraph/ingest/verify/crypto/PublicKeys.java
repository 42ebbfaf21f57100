package io.supplygraph.ingest.verify.crypto;

import io.supplygraph.ingest.DocumentRejectedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;

/** Public keys from PEM files and DER bytes: ECDSA (P-256, P-384, P-521), Ed25519 and RSA. */
public final class PublicKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final List<String> ALGORITHMS = List.of("EC", "Ed25519", "RSA");

    private PublicKeys() {}

    /** Every public key in a PEM text: {@code PUBLIC KEY}, {@code RSA PUBLIC KEY}, or a {@code CERTIFICATE}'s key. */
    public static List<PublicKey> fromPem(String pem) throws DocumentRejectedException {
        List<PublicKey> keys = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PUBLIC KEY" -> keys.add(fromDer(der, ""));
                case "RSA PUBLIC KEY" -> keys.add(fromDer(der, "PKCS1_RSA"));
                case "CERTIFICATE" -> keys.add(certificateKey(der));
                default -> { } // a private key or parameters block in the same file is not ours to read
            }
        }
        if (keys.isEmpty()) {
            throw new DocumentRejectedException("no PEM public key or certificate found");
        }
        return keys;
    }

    /**
     * A key from its DER encoding: SubjectPublicKeyInfo, or a bare PKCS#1 RSA key when {@code keyDetails} (the
     * Sigstore name of the key's kind) says so, as older trusted roots do for RSA certificate-transparency logs.
     */
    public static PublicKey fromDer(byte[] der, String keyDetails) throws DocumentRejectedException {
        try {
            if (keyDetails.startsWith("PKCS1_RSA")) {
                RSAPublicKey rsa = RSAPublicKey.getInstance(der);
                return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
        } catch (IllegalArgumentException | InvalidKeySpecException | NoSuchAlgorithmException e) {
            throw new DocumentRejectedException("not a PKCS#1 RSA public key", e);
        }
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
                // not this algorithm: try the next
            }
        }
        throw new DocumentRejectedException("not an ECDSA, Ed25519 or RSA public key");
    }

    /** The id Supplygraph records for a key: the sha256 of its SubjectPublicKeyInfo, as cosign and Rekor compute it. */
    public static String id(PublicKey key) {
        return "sha256:" + HexFormat.of().formatHex(sha256(key.getEncoded()));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** PEM text as Rekor stores a verifier: the DER between the armour lines, or null when it is not PEM. */
    public static byte[] pemDer(byte[] pem) {
        Matcher m = PEM.matcher(new String(pem, StandardCharsets.US_ASCII));
        return m.find() ? Base64.getMimeDecoder().decode(m.group(2)) : null;
    }

    private static PublicKey certificateKey(byte[] der) throws DocumentRejectedException {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        } catch (CertificateException e) {
            throw new DocumentRejectedException("a PEM certificate could not be read: " + e.getMessage(), e);
        }
    }
}
