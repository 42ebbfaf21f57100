package io.supplygraph.ingest.sigstore;

import static io.supplygraph.ingest.dsse.EnvelopeJson.base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.dsse.Envelope;
import io.supplygraph.ingest.dsse.EnvelopeJson;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Sigstore bundle from its JSON form and rejects what no version of the format allows: an unknown
 * media type, a bundle with neither or both kinds of content, an empty certificate chain, a negative log
 * index, or a v0.2+ log entry without the inclusion proof that makes it verifiable offline.
 */
public final class BundleJson {

    public static final String MEDIA_TYPE_PREFIX = "application/vnd.dev.sigstore.bundle";

    private static final Map<String, String> VERSIONS = Map.of(
            "application/vnd.dev.sigstore.bundle+json;version=0.1", "0.1",
            "application/vnd.dev.sigstore.bundle+json;version=0.2", "0.2",
            "application/vnd.dev.sigstore.bundle+json;version=0.3", "0.3",
            "application/vnd.dev.sigstore.bundle.v0.3+json", "0.3");

    private BundleJson() {}

    public static Bundle read(JsonNode node) throws DocumentRejectedException {
        String mediaType = node.path("mediaType").asText("");
        String version = VERSIONS.get(mediaType);
        if (version == null) {
            throw new DocumentRejectedException("unsupported Sigstore bundle version: media type '" + mediaType
                    + "' (supported: v0.1, v0.2, v0.3)");
        }
        JsonNode material = node.path("verificationMaterial");
        boolean hasMessage = node.hasNonNull("messageSignature");
        boolean hasEnvelope = node.hasNonNull("dsseEnvelope");
        if (hasMessage == hasEnvelope) {
            throw new DocumentRejectedException("a Sigstore bundle holds exactly one of messageSignature and dsseEnvelope");
        }
        Envelope envelope = hasEnvelope ? EnvelopeJson.read(node.get("dsseEnvelope")) : null;
        if (envelope != null && envelope.signatures().size() != 1) {
            throw new DocumentRejectedException("a Sigstore bundle's DSSE envelope has exactly one signature");
        }
        return new Bundle(version, certificates(material), tlogEntries(material, version),
                timestamps(material), hasMessage ? message(node.get("messageSignature")) : null, envelope);
    }

    private static List<X509Certificate> certificates(JsonNode material) throws DocumentRejectedException {
        List<X509Certificate> certificates = new ArrayList<>();
        if (material.hasNonNull("certificate")) {
            certificates.add(certificate(material.get("certificate").path("rawBytes")));
        } else if (material.hasNonNull("x509CertificateChain")) {
            for (JsonNode c : material.get("x509CertificateChain").path("certificates")) {
                certificates.add(certificate(c.path("rawBytes")));
            }
            if (certificates.isEmpty()) {
                throw new DocumentRejectedException("the bundle's certificate chain is empty");
            }
        } else if (!material.hasNonNull("publicKey")) {
            throw new DocumentRejectedException("the bundle names no certificate and no public key");
        }
        return certificates;
    }

    public static X509Certificate certificate(JsonNode rawBytes) throws DocumentRejectedException {
        return certificate(base64(rawBytes, "certificate"));
    }

    public static X509Certificate certificate(byte[] der) throws DocumentRejectedException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new DocumentRejectedException("a certificate could not be read: " + e.getMessage(), e);
        }
    }

    private static List<Bundle.TlogEntry> tlogEntries(JsonNode material, String version)
            throws DocumentRejectedException {
        List<Bundle.TlogEntry> entries = new ArrayList<>();
        for (JsonNode e : material.path("tlogEntries")) {
            long index = number(e, "logIndex");
            Bundle.InclusionProof proof = e.hasNonNull("inclusionProof") ? proof(e.get("inclusionProof")) : null;
            if (proof == null && !"0.1".equals(version)) {
                throw new DocumentRejectedException("a v" + version + " bundle's log entry needs an inclusion proof");
            }
            byte[] set = e.hasNonNull("inclusionPromise")
                    ? base64(e.get("inclusionPromise").path("signedEntryTimestamp"), "signed entry timestamp") : null;
            if (proof == null && set == null) {
                throw new DocumentRejectedException("a log entry has neither an inclusion proof nor a promise");
            }
            String encodedBody = e.path("canonicalizedBody").asText("");
            entries.add(new Bundle.TlogEntry(index, base64(e.path("logId").path("keyId"), "log id"),
                    e.path("kindVersion").path("kind").asText(""), e.path("kindVersion").path("version").asText(""),
                    e.hasNonNull("integratedTime") && number(e, "integratedTime") > 0 ? number(e, "integratedTime") : null,
                    set, proof, base64(e.path("canonicalizedBody"), "log entry body"), encodedBody));
        }
        return entries;
    }

    private static Bundle.InclusionProof proof(JsonNode p) throws DocumentRejectedException {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode h : p.path("hashes")) {
            hashes.add(base64(h, "inclusion proof hash"));
        }
        JsonNode checkpoint = p.path("checkpoint").path("envelope");
        return new Bundle.InclusionProof(number(p, "logIndex"), base64(p.path("rootHash"), "root hash"),
                number(p, "treeSize"), hashes, checkpoint.isTextual() ? checkpoint.asText() : null);
    }

    private static List<byte[]> timestamps(JsonNode material) throws DocumentRejectedException {
        List<byte[]> timestamps = new ArrayList<>();
        for (JsonNode t : material.path("timestampVerificationData").path("rfc3161Timestamps")) {
            timestamps.add(base64(t.path("signedTimestamp"), "RFC 3161 timestamp"));
        }
        return timestamps;
    }

    private static Bundle.MessageSignature message(JsonNode m) throws DocumentRejectedException {
        JsonNode digest = m.path("messageDigest");
        return new Bundle.MessageSignature(digest.path("algorithm").asText(null),
                digest.hasNonNull("digest") ? base64(digest.get("digest"), "message digest") : null,
                base64(m.path("signature"), "signature"));
    }

    /** Protobuf JSON writes 64-bit integers as strings; negative values are never valid here. */
    private static long number(JsonNode parent, String field) throws DocumentRejectedException {
        JsonNode value = parent.path(field);
        long n;
        try {
            n = value.isNumber() ? value.asLong() : Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw new DocumentRejectedException(field + " is not a number: " + value.asText(), e);
        }
        if (n < 0) {
            throw new DocumentRejectedException(field + " is negative: " + n);
        }
        return n;
    }
}
