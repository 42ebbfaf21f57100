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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made in the test (no openssl or keytool needed): its PEM
 * files for a TLS server, the certificate as a PKCS#12 trust store for a JVM, and the certificate with its key as a
 * PKCS#12 key store, for a JVM that shows it as a client's.
 */
record TestCertificate(Path certificate, Path key, Path trustStore, Path keyStore, String password) {

    /** The server's certificate, its files named {@code nats-*}. */
    static TestCertificate in(Path dir) throws Exception {
        return in(dir, "nats");
    }

    static TestCertificate in(Path dir, String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=supplygraph test " + name);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now
                .toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName,
                        "localhost")}));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));

        Path cert = pem(dir.resolve(name + "-cert.pem"), "CERTIFICATE", certificate.getEncoded());
        Path key = pem(dir.resolve(name + "-key.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
        char[] password = "changeit".toCharArray();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(name, certificate);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(name, pair.getPrivate(), password, new X509Certificate[] {certificate});
        return new TestCertificate(cert, key, store(trusted, dir.resolve(name + "-trust.p12"), password),
                store(keys, dir.resolve(name + "-keys.p12"), password), new String(password));
    }

    /** The {@code tls} block of a nats-server configuration that serves this certificate. */
    String serverConfig() {
        return "tls { cert_file: \"" + certificate + "\", key_file: \"" + key + "\" }";
    }

    /** The same, asking each client for a certificate, and trusting only {@code client}'s. */
    String serverConfigVerifying(TestCertificate client) {
        return "tls { cert_file: \"" + certificate + "\", key_file: \"" + key + "\", ca_file: \""
                + client.certificate + "\", verify: true }";
    }

    /** JVM options that trust this certificate and show {@code client}'s (or none, when null) as the client's. */
    List<String> jvmOptions(TestCertificate client) {
        List<String> options = new ArrayList<>(List.of("-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + password));
        if (client != null) {
            options.addAll(List.of("-Djavax.net.ssl.keyStore=" + client.keyStore,
                    "-Djavax.net.ssl.keyStorePassword=" + client.password));
        }
        return options;
    }

    private static Path store(KeyStore store, Path file, char[] password) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
