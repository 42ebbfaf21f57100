package io.supplygraph.ingest.verify;

import io.supplygraph.ingest.sigstore.TrustedRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * Checks on a keyless signing certificate: it chains to a certificate authority of the trusted root at the time
 * of signing, and it names the expected identity (a SAN) and OIDC issuer (Fulcio's extensions).
 */
final class FulcioCertificate {

    /** The OIDC issuer as Fulcio writes it now: a DER UTF8String. */
    private static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    /** The OIDC issuer as early Fulcio certificates wrote it: the raw string bytes. */
    private static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";

    private FulcioCertificate() {}

    /**
     * The certificate authority that issued {@code leaf}, checked at {@code time}: every certificate on the way
     * to the authority's root is valid then, each is signed by the next, and the authority itself is valid then.
     */
    static TrustedRoot.Authority chain(X509Certificate leaf, List<X509Certificate> carried, TrustedRoot root,
            Instant time) throws VerificationException {
        for (X509Certificate c : carried.subList(1, carried.size())) {
            if (c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                throw new VerificationException("the bundle carries a root certificate: roots come from the trusted root only");
            }
        }
        for (TrustedRoot.Authority authority : root.certificateAuthorities()) {
            if (!authority.chain().isEmpty() && signedBy(leaf, authority.chain().get(0))) {
                if (!authority.validAt(time)) {
                    throw new VerificationException("the certificate authority " + authority.uri()
                            + " is not valid at the signing time " + time);
                }
                List<X509Certificate> path = new ArrayList<>(authority.chain());
                path.add(0, leaf);
                for (int i = 0; i < path.size(); i++) {
                    X509Certificate c = path.get(i);
                    validAt(c, time);
                    X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : c;
                    if (!signedBy(c, issuer)) {
                        throw new VerificationException("the certificate chain of " + authority.uri() + " is broken at "
                                + c.getSubjectX500Principal());
                    }
                }
                return authority;
            }
        }
        throw new VerificationException("the signing certificate was not issued by a certificate authority of the trusted root");
    }

    static void validAt(X509Certificate c, Instant time) throws VerificationException {
        Date t = Date.from(time);
        if (t.before(c.getNotBefore()) || t.after(c.getNotAfter())) {
            throw new VerificationException(name(c) + " is not valid at " + time + " (valid "
                    + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant() + ")");
        }
    }

    private static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The signer as recorded: {@code identity (issuer)}; null expectations accept any value. */
    static String identity(X509Certificate leaf, String expectedIdentity, String expectedIssuer)
            throws VerificationException {
        List<String> names = subjectAlternativeNames(leaf);
        String issuer = oidcIssuer(leaf);
        if (expectedIdentity != null && !names.contains(expectedIdentity)) {
            throw new VerificationException("the certificate identity is " + names + ", not " + expectedIdentity);
        }
        if (expectedIssuer != null && !expectedIssuer.equals(issuer)) {
            throw new VerificationException("the certificate's OIDC issuer is " + issuer + ", not " + expectedIssuer);
        }
        String identity = expectedIdentity != null ? expectedIdentity : names.isEmpty() ? "?" : names.get(0);
        return issuer == null ? identity : identity + " (" + issuer + ")";
    }

    private static List<String> subjectAlternativeNames(X509Certificate leaf) throws VerificationException {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.get(1) instanceof String s) {
                        names.add(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new VerificationException("the certificate's subject alternative names cannot be read", e);
        }
        return names;
    }

    private static String oidcIssuer(X509Certificate leaf) throws VerificationException {
        try {
            byte[] v2 = leaf.getExtensionValue(ISSUER_V2);
            if (v2 != null) {
                return ((ASN1String) ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(v2).getOctets())).getString();
            }
            byte[] v1 = leaf.getExtensionValue(ISSUER_V1);
            return v1 == null ? null : new String(ASN1OctetString.getInstance(v1).getOctets(), StandardCharsets.UTF_8);
        } catch (IOException | ClassCastException | IllegalArgumentException e) {
            throw new VerificationException("the certificate's OIDC issuer extension cannot be read", e);
        }
    }

    private static String name(X509Certificate c) {
        String subject = c.getSubjectX500Principal().getName();
        return subject.isEmpty() ? "the signing certificate" : "the certificate " + subject;
    }
}
