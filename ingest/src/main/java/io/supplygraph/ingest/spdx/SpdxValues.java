package io.supplygraph.ingest.spdx;

import io.supplygraph.model.Digest;
import java.util.Locale;

/**
 * How SPDX spells "no value" and how it packs several facts into one string, read the same way by the
 * SPDX 2 parsers here and the SPDX 3 parser next door (public for that one reason).
 */
public final class SpdxValues {

    private static final String[] AGENT_PREFIXES = {"Organization:", "Person:", "Tool:"};
    private static final String[] VCS_PREFIXES = {"git+", "hg+", "svn+", "bzr+", "git://"};

    private SpdxValues() {}

    /** The value as written, or null for the keywords that assert nothing ({@code NOASSERTION}, {@code NONE}). */
    public static String asserted(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() || v.equals("NOASSERTION") || v.equals("NONE") ? null : v;
    }

    /** A supplier or originator without the agent kind SPDX 2 puts in front ("Organization: Acme" is "Acme"). */
    public static String agentName(String value) {
        String v = asserted(value);
        if (v == null) {
            return null;
        }
        for (String prefix : AGENT_PREFIXES) {
            if (v.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return asserted(v.substring(prefix.length()));
            }
        }
        return v;
    }

    /**
     * The download location when it names a source repository: SPDX writes those as
     * {@code <vcs-tool>+<transport>://...} (git, hg, svn, bzr), and {@code git://} is one on its own.
     */
    public static String vcsUrl(String downloadLocation) {
        String v = asserted(downloadLocation);
        if (v == null) {
            return null;
        }
        for (String prefix : VCS_PREFIXES) {
            if (v.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return v;
            }
        }
        return null;
    }

    /**
     * A package purpose in one spelling for both SPDX generations: SPDX 2 writes {@code OPERATING-SYSTEM},
     * SPDX 3 {@code operatingSystem}; both become {@code operating-system}, as CycloneDX would say it.
     */
    public static String purpose(String value) {
        String v = asserted(value);
        if (v == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(v.length() + 4);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '_') {
                c = '-';
            }
            boolean camelHump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(v.charAt(i - 1));
            if (camelHump) {
                out.append('-');
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A checksum as a digest, or null when it is not one (no algorithm, a value that is not hex):
     * the caller warns, naming the entry, since only it knows which entry the checksum belongs to.
     */
    public static Digest digestOrNull(String algorithm, String value) {
        if (algorithm == null || value == null || algorithm.isBlank() || value.isBlank()) {
            return null;
        }
        String hex = value.strip();
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return null;
            }
        }
        return new Digest(algorithm, hex);
    }
}
