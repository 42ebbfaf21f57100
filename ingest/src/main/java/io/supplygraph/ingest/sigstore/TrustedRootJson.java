package io.supplygraph.ingest.sigstore;

import static io.supplygraph.ingest.dsse.EnvelopeJson.base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the Sigstore {@code trusted_root.json} format (media type {@code application/vnd.dev.sigstore.trustedroot+json}). */
public final class TrustedRootJson {

    private TrustedRootJson() {}

    public static TrustedRoot read(Path file) throws IOException, DocumentRejectedException {
        return read(ReadLimits.jsonMapper().readTree(Files.readAllBytes(file)));
    }

    public static TrustedRoot read(JsonNode root) throws DocumentRejectedException {
        if (!root.path("mediaType").asText("").startsWith("application/vnd.dev.sigstore.trustedroot")) {
            throw new DocumentRejectedException("not a Sigstore trusted root: mediaType is "
                    + root.path("mediaType").asText("missing"));
        }
        return new TrustedRoot(logs(root.path("tlogs")), authorities(root.path("certificateAuthorities")),
                logs(root.path("ctlogs")), authorities(root.path("timestampAuthorities")));
    }

    private static List<TrustedRoot.Log> logs(JsonNode array) throws DocumentRejectedException {
        List<TrustedRoot.Log> logs = new ArrayList<>();
        for (JsonNode log : array) {
            JsonNode key = log.path("publicKey");
            PublicKey publicKey = PublicKeys.fromDer(base64(key.path("rawBytes"), "log public key"),
                    key.path("keyDetails").asText(""));
            logs.add(new TrustedRoot.Log(origin(log.path("baseUrl").asText("")),
                    base64(log.path("logId").path("keyId"), "log id"), publicKey,
                    time(key.path("validFor").path("start")), time(key.path("validFor").path("end"))));
        }
        return logs;
    }

    private static List<TrustedRoot.Authority> authorities(JsonNode array) throws DocumentRejectedException {
        List<TrustedRoot.Authority> authorities = new ArrayList<>();
        for (JsonNode authority : array) {
            List<X509Certificate> chain = new ArrayList<>();
            for (JsonNode c : authority.path("certChain").path("certificates")) {
                chain.add(BundleJson.certificate(c.path("rawBytes")));
            }
            authorities.add(new TrustedRoot.Authority(authority.path("uri").asText(""), chain,
                    time(authority.path("validFor").path("start")), time(authority.path("validFor").path("end"))));
        }
        return authorities;
    }

    /** Checkpoints name their log by host (and port): {@code https://rekor.sigstore.dev} signs as {@code rekor.sigstore.dev}. */
    private static String origin(String baseUrl) {
        try {
            String authority = URI.create(baseUrl).getRawAuthority();
            return authority == null ? baseUrl : authority;
        } catch (IllegalArgumentException e) {
            return baseUrl;
        }
    }

    private static Instant time(JsonNode value) throws DocumentRejectedException {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new DocumentRejectedException("not a time: " + value.asText(), e);
        }
    }
}
