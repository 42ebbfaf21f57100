package io.supplygraph.ingest.verify;

import io.supplygraph.ingest.sigstore.TrustedRoot;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.ingest.verify.crypto.Signatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * Signed certificate timestamps embedded in a Fulcio certificate (RFC 6962 section 3.3): proof that the
 * certificate was logged in a certificate-transparency log of the trusted root. The log signed the
 * pre-certificate, which is the certificate's TBS without the SCT extension, bound to the issuer's key.
 */
final class EmbeddedScts {

    private static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

    private EmbeddedScts() {}

    /** Passes when at least one embedded SCT verifies with a CT log key of the trusted root. */
    static void verify(X509Certificate leaf, X509Certificate issuer, TrustedRoot root) throws VerificationException {
        byte[] extension = leaf.getExtensionValue(SCT_LIST.getId());
        if (extension == null) {
            throw new VerificationException("the signing certificate carries no signed certificate timestamp");
        }
        try {
            byte[] list = ASN1OctetString.getInstance(
                    ASN1OctetString.getInstance(extension).getOctets()).getOctets();
            byte[] preCertificate = tbsWithoutScts(leaf);
            byte[] issuerKeyHash = PublicKeys.sha256(issuer.getPublicKey().getEncoded());
            ByteBuffer in = ByteBuffer.wrap(list);
            int end = (in.getShort() & 0xffff) + 2;
            String lastFailure = "no SCT in the list";
            while (in.position() < end) {
                ByteBuffer sct = slice(in, in.getShort() & 0xffff);
                Optional<String> failure = verifyOne(sct, preCertificate, issuerKeyHash, root);
                if (failure.isEmpty()) {
                    return;
                }
                lastFailure = failure.get();
            }
            throw new VerificationException("no signed certificate timestamp verifies: " + lastFailure);
        } catch (IOException | RuntimeException e) {
            throw new VerificationException("the signed certificate timestamps cannot be read", e);
        }
    }

    private static Optional<String> verifyOne(ByteBuffer sct, byte[] preCertificate, byte[] issuerKeyHash,
            TrustedRoot root) {
        int version = sct.get();
        byte[] logId = new byte[32];
        sct.get(logId);
        long timestamp = sct.getLong();
        byte[] extensions = new byte[sct.getShort() & 0xffff];
        sct.get(extensions);
        sct.get(); // hash algorithm: implied by the log's key
        sct.get(); // signature algorithm: likewise
        byte[] signature = new byte[sct.getShort() & 0xffff];
        sct.get(signature);
        Optional<TrustedRoot.Log> log = root.ctlog(logId);
        if (log.isEmpty()) {
            return Optional.of("an SCT from a log the trusted root does not list");
        }
        if (!log.get().validAt(Instant.ofEpochMilli(timestamp))) {
            return Optional.of("an SCT from a CT log key not valid at " + Instant.ofEpochMilli(timestamp));
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream(preCertificate.length + 64);
        signed.write(version);
        signed.write(0); // signature_type: certificate_timestamp
        signed.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        signed.writeBytes(new byte[] {0, 1}); // entry_type: precert_entry
        signed.writeBytes(issuerKeyHash);
        signed.writeBytes(new byte[] {(byte) (preCertificate.length >> 16), (byte) (preCertificate.length >> 8),
                (byte) preCertificate.length});
        signed.writeBytes(preCertificate);
        signed.writeBytes(new byte[] {(byte) (extensions.length >> 8), (byte) extensions.length});
        signed.writeBytes(extensions);
        return Signatures.verify(log.get().key(), signed.toByteArray(), signature)
                ? Optional.empty() : Optional.of("an SCT signature does not verify with its log's key");
    }

    private static byte[] tbsWithoutScts(X509Certificate leaf) throws IOException {
        byte[] tbs;
        try {
            tbs = leaf.getTBSCertificate();
        } catch (CertificateEncodingException e) {
            throw new IOException(e);
        }
        ASN1EncodableVector rebuilt = new ASN1EncodableVector();
        for (ASN1Encodable element : ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(tbs))) {
            if (element instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
                Extensions extensions = Extensions.getInstance(tagged.getExplicitBaseObject());
                Extension[] kept = Arrays.stream(extensions.getExtensionOIDs())
                        .filter(oid -> !oid.equals(SCT_LIST))
                        .map(extensions::getExtension)
                        .toArray(Extension[]::new);
                rebuilt.add(new DERTaggedObject(true, 3, new Extensions(kept)));
            } else {
                rebuilt.add(element);
            }
        }
        return new DERSequence(rebuilt).getEncoded(ASN1Encoding.DER);
    }

    private static ByteBuffer slice(ByteBuffer in, int length) {
        ByteBuffer slice = in.slice();
        slice.limit(length);
        in.position(in.position() + length);
        return slice;
    }
}
