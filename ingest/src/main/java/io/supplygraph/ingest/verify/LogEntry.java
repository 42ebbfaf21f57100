package io.supplygraph.ingest.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.sigstore.Bundle;
import io.supplygraph.ingest.sigstore.TrustedRoot;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.ingest.verify.crypto.Signatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks one transparency-log entry of a bundle, offline: the entry is from a log of the trusted root, it
 * records this very signature, key and digest, and the log vouched for it, by a Merkle inclusion proof up to a
 * checkpoint the log signed, or by a signed entry timestamp (the log's promise, Rekor v1 only).
 */
final class LogEntry {

    private static final ObjectMapper JSON = ReadLimits.jsonMapper();

    /**
     * What the entry must record.
     *
     * @param signature   the bundle's signature bytes
     * @param signerDer   the signing certificate's DER, or the managed key's SubjectPublicKeyInfo
     * @param digest      SHA-256 of what was signed: the artifact, or for DSSE over Rekor v2 the PAE encoding
     * @param payload     the DSSE payload, or null for a message signature
     */
    record Expected(byte[] signature, byte[] signerDer, byte[] digest, byte[] payload) {}

    private LogEntry() {}

    /** @return the log, and the entry's integrated time when the log's signed promise covers it (else null) */
    static Verified verify(Bundle.TlogEntry entry, Expected expected, TrustedRoot root, Instant now)
            throws VerificationException {
        TrustedRoot.Log log = root.tlog(entry.logKeyId()).orElseThrow(() -> new VerificationException(
                "the log entry is from a transparency log the trusted root does not list"));
        matchesBody(entry, expected);
        if (entry.integratedTime() != null) {
            Instant integrated = Instant.ofEpochSecond(entry.integratedTime());
            if (integrated.isAfter(now.plusSeconds(60))) {
                throw new VerificationException("the log entry's integrated time " + integrated + " is in the future");
            }
        }
        if (entry.proof() != null) {
            verifyInclusion(entry, log);
        }
        Instant promised = null;
        if (entry.signedEntryTimestamp() != null) {
            verifyPromise(entry, log);
            promised = Instant.ofEpochSecond(entry.integratedTime());
        } else if (entry.proof() == null || entry.proof().checkpoint() == null) {
            throw new VerificationException("the log entry has neither a checkpointed inclusion proof nor a signed promise");
        }
        return new Verified(log, promised);
    }

    record Verified(TrustedRoot.Log log, Instant integratedTime) {}

    private static void verifyInclusion(Bundle.TlogEntry entry, TrustedRoot.Log log) throws VerificationException {
        Bundle.InclusionProof proof = entry.proof();
        byte[] root = Merkle.rootFromInclusionProof(proof.logIndex(), proof.treeSize(), Merkle.leafHash(entry.body()),
                proof.hashes());
        if (!Arrays.equals(root, proof.rootHash())) {
            throw new VerificationException("the inclusion proof does not lead to the stated root hash");
        }
        if (proof.checkpoint() == null) {
            return;
        }
        Checkpoint checkpoint = Checkpoint.parse(proof.checkpoint());
        checkpoint.verifySignedBy(log);
        if (checkpoint.size() != proof.treeSize() || !Arrays.equals(checkpoint.rootHash(), proof.rootHash())) {
            throw new VerificationException("the checkpoint is for another tree than the inclusion proof");
        }
    }

    /** Rekor v1 signs the canonical JSON of the entry's body, time, log id (hex) and index. */
    private static void verifyPromise(Bundle.TlogEntry entry, TrustedRoot.Log log) throws VerificationException {
        if (entry.integratedTime() == null) {
            throw new VerificationException("the log's signed promise has no integrated time");
        }
        String canonical = "{\"body\":\"" + entry.encodedBody() + "\",\"integratedTime\":" + entry.integratedTime()
                + ",\"logID\":\"" + HexFormat.of().formatHex(entry.logKeyId()) + "\",\"logIndex\":" + entry.logIndex() + "}";
        if (!Signatures.verify(log.key(), canonical.getBytes(StandardCharsets.UTF_8), entry.signedEntryTimestamp())) {
            throw new VerificationException("the log's signed entry timestamp does not verify");
        }
    }

    private static void matchesBody(Bundle.TlogEntry entry, Expected expected) throws VerificationException {
        JsonNode body;
        try {
            body = JSON.readTree(entry.body());
        } catch (IOException e) {
            throw new VerificationException("the log entry's body is not JSON", e);
        }
        String kind = body.path("kind").asText() + " " + body.path("apiVersion").asText();
        if (!kind.equals(entry.kind() + " " + entry.kindVersion())) {
            throw new VerificationException("the log entry's body is a " + kind + ", not the "
                    + entry.kind() + " " + entry.kindVersion() + " it claims");
        }
        JsonNode spec = body.path("spec");
        boolean matches = switch (kind) {
            case "hashedrekord 0.0.1" -> hex(spec.path("data").path("hash").path("value"), expected.digest())
                    && b64(spec.path("signature").path("content"), expected.signature())
                    && pem(spec.path("signature").path("publicKey").path("content"), expected.signerDer());
            case "hashedrekord 0.0.2" -> b64(spec.path("hashedRekordV002").path("data").path("digest"), expected.digest())
                    && signatureV2(spec.path("hashedRekordV002").path("signature"), expected);
            case "dsse 0.0.1" -> expected.payload() != null
                    && hex(spec.path("payloadHash").path("value"), PublicKeys.sha256(expected.payload()))
                    && one(spec.path("signatures"), s -> b64(s.path("signature"), expected.signature())
                            && pem(s.path("verifier"), expected.signerDer()));
            case "dsse 0.0.2" -> expected.payload() != null
                    && b64(spec.path("dsseV002").path("payloadHash").path("digest"), PublicKeys.sha256(expected.payload()))
                    && one(spec.path("dsseV002").path("signatures"), s -> signatureV2(s, expected));
            case "intoto 0.0.2" -> expected.payload() != null
                    && hex(spec.path("content").path("payloadHash").path("value"), PublicKeys.sha256(expected.payload()))
                    && twiceB64(spec.path("content").path("envelope").path("payload"), expected.payload())
                    && one(spec.path("content").path("envelope").path("signatures"),
                            s -> twiceB64(s.path("sig"), expected.signature()) && pem(s.path("publicKey"), expected.signerDer()));
            default -> throw new VerificationException("log entries of kind " + kind + " are not supported");
        };
        if (!matches) {
            throw new VerificationException("the log entry (" + kind + ") does not record this signature, signer and "
                    + (expected.payload() == null ? "artifact digest" : "payload"));
        }
    }

    /** Bundles carry one signature, so the entry must record exactly that one. */
    private static boolean one(JsonNode array, Predicate<JsonNode> check) {
        return array.size() == 1 && check.test(array.get(0));
    }

    private static boolean signatureV2(JsonNode signature, Expected expected) {
        JsonNode verifier = signature.path("verifier");
        JsonNode signer = verifier.has("x509Certificate") ? verifier.path("x509Certificate") : verifier.path("publicKey");
        return b64(signature.path("content"), expected.signature()) && b64(signer.path("rawBytes"), expected.signerDer());
    }

    private static boolean hex(JsonNode value, byte[] expected) {
        return value.isTextual() && value.asText().equalsIgnoreCase(HexFormat.of().formatHex(expected));
    }

    private static boolean b64(JsonNode value, byte[] expected) {
        return Arrays.equals(decode(value.asText("")), expected);
    }

    private static boolean twiceB64(JsonNode value, byte[] expected) {
        return Arrays.equals(decode(new String(decode(value.asText("")), StandardCharsets.US_ASCII)), expected);
    }

    private static boolean pem(JsonNode value, byte[] expectedDer) {
        byte[] der = PublicKeys.pemDer(decode(value.asText("")));
        return der != null && Arrays.equals(der, expectedDer);
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** RFC 6962 / RFC 9162 Merkle tree hashing and inclusion proofs. */
    static final class Merkle {
        private Merkle() {}

        static byte[] leafHash(byte[] leaf) {
            return hash(new byte[] {0}, leaf, new byte[0]);
        }

        /** The root an inclusion proof leads to, per RFC 9162 section 2.1.3.2. */
        static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof)
                throws VerificationException {
            if (index >= size) {
                throw new VerificationException("the inclusion proof's index " + index + " is outside its tree of " + size);
            }
            long fn = index;
            long sn = size - 1;
            byte[] r = leafHash;
            for (byte[] p : proof) {
                if (sn == 0) {
                    throw new VerificationException("the inclusion proof is longer than its tree is deep");
                }
                if ((fn & 1) == 1 || fn == sn) {
                    r = hash(new byte[] {1}, p, r);
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                } else {
                    r = hash(new byte[] {1}, r, p);
                }
                fn >>= 1;
                sn >>= 1;
            }
            if (sn != 0) {
                throw new VerificationException("the inclusion proof is shorter than its tree is deep");
            }
            return r;
        }

        private static byte[] hash(byte[] prefix, byte[] a, byte[] b) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(prefix);
                sha.update(a);
                sha.update(b);
                return sha.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
