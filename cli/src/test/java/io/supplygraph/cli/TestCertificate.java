package io.supplygraph.cli;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made in the test (no openssl or keytool needed): its PEM
 * files for a TLS server, and the same certificate as a PKCS#12 trust store for a JVM.
 */
record TestCertificate(Path certificate, Path key, Path trustStore, String trustStorePassword) {

    static TestCertificate in(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=supplygraph test NATS");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now
                .toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName,
                        "localhost")}));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));

        Path cert = pem(dir.resolve("nats-cert.pem"), "CERTIFICATE", certificate.getEncoded());
        Path key = pem(dir.resolve("nats-key.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
        String password = "changeit";
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("nats", certificate);
        Path trustStore = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store.store(out, password.toCharArray());
        }
        return new TestCertificate(cert, key, trustStore, password);
    }

    /** The {@code tls} block of a nats-server configuration that serves this certificate. */
    String serverConfig() {
        return "tls { cert_file: \"" + certificate + "\", key_file: \"" + key + "\" }";
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
