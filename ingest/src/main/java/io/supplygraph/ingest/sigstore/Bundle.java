package io.supplygraph.ingest.sigstore;

import io.supplygraph.ingest.dsse.Envelope;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A Sigstore bundle (v0.1 to v0.3): a signature, what it signs (an artifact's digest or a DSSE envelope), the
 * signing certificate or a hint naming a managed key, and the evidence that makes it checkable offline:
 * transparency-log entries and RFC 3161 timestamps.
 *
 * @param version      {@code 0.1}, {@code 0.2} or {@code 0.3}
 * @param certificates the signing certificate first, then any others the bundle carried; empty for a managed key
 * @param tlogEntries  transparency-log entries, as the bundle lists them
 * @param timestamps   DER RFC 3161 timestamp responses
 * @param message      set for a message-signature bundle
 * @param envelope     set for a DSSE bundle
 */
public record Bundle(String version, List<X509Certificate> certificates, List<TlogEntry> tlogEntries,
        List<byte[]> timestamps, MessageSignature message, Envelope envelope) {

    /** @param digest the artifact digest the signer stated; a hint only, checked against the artifact and the log */
    public record MessageSignature(String digestAlgorithm, byte[] digest, byte[] signature) {}

    /**
     * @param integratedTime      seconds since the epoch when the log took the entry; null in Rekor v2 entries
     * @param signedEntryTimestamp the log's promise to include the entry; null when absent
     * @param proof               null when absent
     * @param body                the canonicalised entry the log hashed
     */
    public record TlogEntry(long logIndex, byte[] logKeyId, String kind, String kindVersion, Long integratedTime,
            byte[] signedEntryTimestamp, InclusionProof proof, byte[] body, String encodedBody) {}

    /** @param checkpoint the signed note the proof leads to; null when absent */
    public record InclusionProof(long logIndex, byte[] rootHash, long treeSize, List<byte[]> hashes, String checkpoint) {}

    public Bundle {
        certificates = List.copyOf(certificates);
        tlogEntries = List.copyOf(tlogEntries);
        timestamps = List.copyOf(timestamps);
    }

    public boolean signedWithCertificate() {
        return !certificates.isEmpty();
    }

    public X509Certificate leaf() {
        return certificates.get(0);
    }

    /** The signature bytes, over the artifact or over the envelope's PAE encoding. */
    public byte[] signature() {
        return message != null ? message.signature() : envelope.signatures().get(0).sig();
    }
}
