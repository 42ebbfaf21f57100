package io.supplygraph.ingest.verify;

import io.supplygraph.ingest.verify.crypto.PublicKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The artifact a signature is checked against: its SHA-256 digest always, its bytes when they were given and
 * small enough to keep (Ed25519 signs the message itself, so a digest alone cannot check it).
 *
 * @param bytes null when only the digest is known
 */
public record Artifact(byte[] sha256, byte[] bytes) {

    private static final long KEEP_BYTES_UP_TO = 64L * 1024 * 1024;

    public static Artifact of(byte[] bytes) {
        return new Artifact(PublicKeys.sha256(bytes), bytes);
    }

    public static Artifact ofFile(Path file) throws IOException {
        if (Files.size(file) <= KEEP_BYTES_UP_TO) {
            return of(Files.readAllBytes(file));
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return new Artifact(((DigestInputStream) in).getMessageDigest().digest(), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @param digest {@code sha256:HEX} */
    public static Artifact ofDigest(String digest) {
        if (!digest.matches("sha256:[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("expected sha256:<64 hex digits>, got " + digest);
        }
        return new Artifact(HexFormat.of().parseHex(digest.substring(7)), null);
    }

    public String hex() {
        return HexFormat.of().formatHex(sha256);
    }
}
