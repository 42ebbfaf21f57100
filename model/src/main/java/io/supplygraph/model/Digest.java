package io.supplygraph.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An artifact's identity: a hash algorithm and its hex value. Formats spell algorithms many ways
 * ("SHA-256", "SHA256", "sha256"); all of them name the same artifact, so both parts are normalised
 * here, once, and every document that saw the same bytes joins on the same digest.
 */
public record Digest(String algorithm, String value) {

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        algorithm = normaliseAlgorithm(algorithm);
        value = value.trim().toLowerCase(Locale.ROOT);
        if (algorithm.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException("empty digest algorithm or value");
        }
    }

    /** Parses {@code algorithm:hex}, the form used on the command line and in purl-free identifiers. */
    public static Digest parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a digest (expected algorithm:hex): " + text);
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static boolean looksLikeDigest(String text) {
        int colon = text.indexOf(':');
        return colon > 0 && !text.startsWith("pkg:") && text.substring(colon + 1).chars().allMatch(Digest::isHex);
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static String normaliseAlgorithm(String algorithm) {
        String a = algorithm.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (a) {
            case "sha3256" -> "sha3-256";
            case "sha3384" -> "sha3-384";
            case "sha3512" -> "sha3-512";
            case "blake2b256" -> "blake2b-256";
            case "blake2b384" -> "blake2b-384";
            case "blake2b512" -> "blake2b-512";
            default -> a;
        };
    }

    @Override
    public String toString() {
        return algorithm + ":" + value;
    }
}
