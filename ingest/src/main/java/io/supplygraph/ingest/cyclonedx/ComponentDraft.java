package io.supplygraph.ingest.cyclonedx;

import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.model.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * One CycloneDX component while it is being read. JSON gives its fields in any order (the nested
 * components may come before the component's own bom-ref), so the fields are collected here and become
 * a record only when the component ends. One draft per nesting level is reused for every component at
 * that level, so reading a component allocates little beyond its strings and the record itself.
 */
final class ComponentDraft {

    String bomRef;
    String type;
    String group;
    String name;
    String version;
    String purl;
    String cpe;
    String supplier;
    String publisher;
    String vcsUrl;
    private final List<Digest> digests = new ArrayList<>();
    private final List<String> declared = new ArrayList<>();
    private final List<String> concluded = new ArrayList<>();
    /** Refs of the components nested in this one, reported as CONTAINS edges once this one's ref is known. */
    final List<String> childRefs = new ArrayList<>();
    /** What was wrong with this component's entries, reported once its ref and name are known. */
    final List<String> problems = new ArrayList<>();

    void reset() {
        bomRef = type = group = name = version = purl = cpe = supplier = publisher = vcsUrl = null;
        digests.clear();
        declared.clear();
        concluded.clear();
        childRefs.clear();
        problems.clear();
    }

    /**
     * Keeps the hash only when it can name an artifact: a wrong-length or non-hex value would join this
     * component to nothing, or to the wrong artifact, so it is skipped with a warning.
     */
    void addHash(String algorithm, String content) {
        if (algorithm == null || algorithm.isBlank() || content == null || content.isBlank()) {
            problems.add("skipped a hash without algorithm or content");
            return;
        }
        Digest digest = new Digest(algorithm, content);
        int expected = expectedHexLength(digest.algorithm());
        if (!isHex(digest.value()) || (expected > 0 && digest.value().length() != expected)) {
            problems.add("skipped a malformed " + algorithm + " hash '" + abbreviate(content.trim()) + "'");
            return;
        }
        digests.add(digest);
    }

    /** Adds one licence choice as written: an SPDX id, a licence name or an expression. */
    void addLicence(String text, boolean isConcluded) {
        if (text != null && !text.isBlank()) {
            (isConcluded ? concluded : declared).add(text.trim());
        }
    }

    /**
     * Several choices of the same acknowledgement all apply, so they are joined with AND; a choice with a
     * space in it (an expression, or a licence name) is bracketed so that an OR inside it keeps its meaning.
     */
    private static String expression(List<String> choices) {
        if (choices.size() <= 1) {
            return choices.isEmpty() ? null : choices.get(0);
        }
        StringBuilder joined = new StringBuilder();
        for (String choice : choices) {
            if (joined.length() > 0) {
                joined.append(" AND ");
            }
            boolean bracket = choice.indexOf(' ') >= 0;
            joined.append(bracket ? "(" : "").append(choice).append(bracket ? ")" : "");
        }
        return joined.toString();
    }

    /**
     * The group (Maven groupId, npm scope) is kept in front of the name, purl-style ("org.slf4j/slf4j-api"):
     * SbomComponent has no group field, and when the purl is missing the assembler builds the component's
     * identity from name and version, where "slf4j-api" alone could name another group's package.
     */
    SbomComponent build(String ref) {
        String fullName = group == null || group.isBlank() ? name : group + "/" + (name == null ? "" : name);
        return new SbomComponent(ref, fullName, version, purl, type, digests,
                expression(declared), expression(concluded),
                supplier != null ? supplier : publisher, cpe, vcsUrl);
    }

    /** By {@link Digest}'s normalised algorithm name; 0 for an algorithm whose length we do not check. */
    private static int expectedHexLength(String algorithm) {
        return switch (algorithm) {
            case "md5" -> 32;
            case "sha1" -> 40;
            case "sha256", "sha3-256", "blake2b-256" -> 64;
            case "sha384", "sha3-384", "blake2b-384" -> 96;
            case "sha512", "sha3-512", "blake2b-512" -> 128;
            default -> 0;
        };
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
