package io.supplygraph.ingest.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Keys made for a test and DSSE envelopes signed with them, written as signers write them. */
record TestSigner(String name, KeyPair keys, String algorithm) {

    static TestSigner ecdsa(String curve, String algorithm) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return new TestSigner(curve, g.generateKeyPair(), algorithm);
    }

    static TestSigner ed25519() throws GeneralSecurityException {
        return new TestSigner("Ed25519", KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "Ed25519");
    }

    static TestSigner rsa(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return new TestSigner("RSA " + algorithm, g.generateKeyPair(), algorithm);
    }

    byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        if (algorithm.equals("RSASSA-PSS")) {
            s.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                    java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        }
        s.initSign(keys.getPrivate());
        s.update(data);
        return s.sign();
    }

    /** The PAE encoding written out by hand from the DSSE spec, independently of {@code Envelope.pae()}. */
    static byte[] pae(String type, String payload) {
        return ("DSSEv1 " + type.length() + " " + type + " " + payload.length() + " " + payload)
                .getBytes(StandardCharsets.UTF_8);
    }

    String envelope(String type, String payload) throws GeneralSecurityException {
        return envelope(type, payload, sign(pae(type, payload)));
    }

    static String envelope(String type, String payload, byte[] signature) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"payloadType\":\"" + type + "\",\"payload\":\"" + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "\",\"signatures\":[{\"keyid\":\"\",\"sig\":\"" + b64.encodeToString(signature) + "\"}]}";
    }

    String publicPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
