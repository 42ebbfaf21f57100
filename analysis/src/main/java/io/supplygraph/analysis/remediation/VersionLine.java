package io.supplygraph.analysis.remediation;

import io.supplygraph.model.ecosystem.Ecosystem;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which versions an upgrade may move between without the ecosystem's promise of compatibility breaking: the same
 * major version, or for SemVer ecosystems at major 0 the same minor (SemVer's rule that 0.y.z may break at any
 * minor, which npm's caret and Cargo's default requirements follow). Read from the version's text: this says
 * nothing of order, which stays the ecosystem's {@code VersionScheme}'s.
 */
final class VersionLine {

    private static final Set<Ecosystem> SEMVER_LIKE = EnumSet.of(Ecosystem.NPM, Ecosystem.CRATES_IO, Ecosystem.GO,
            Ecosystem.HEX, Ecosystem.PUB);
    private static final Pattern NUMBERS = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?");
    /** Pre-release markers of the common schemes: SemVer's hyphen, PEP 440's a/b/rc/dev, Maven's qualifiers. */
    private static final Pattern PRE_RELEASE = Pattern.compile(
            "(?i)(alpha|beta|milestone|snapshot|preview|[.\\-_]?rc\\.?\\d*$|[.\\-_]rc[.\\-_]|[.\\-_]cr\\d*|\\d(a|b|rc)\\d+|"
                    + "\\.dev\\d*|[.\\-_]m\\d+$|[.\\-_]pre)");

    private VersionLine() {}

    /** The line a version belongs to: {@code "2"} for 2.14.1, {@code "0.4"} for npm's 0.4.2. */
    static String of(Ecosystem ecosystem, String version) {
        String text = withoutEpoch(version);
        Matcher m = NUMBERS.matcher(text);
        if (!m.find()) {
            return text;
        }
        String major = String.valueOf(Long.parseLong(m.group(1).length() > 18 ? "0" : m.group(1)));
        if (major.equals("0") && ecosystem != null && SEMVER_LIKE.contains(ecosystem) && m.group(2) != null) {
            return "0." + m.group(2);
        }
        return major;
    }

    /** True for a version its ecosystem marks as a pre-release, which an upgrade moves to only from another one. */
    static boolean isPreRelease(Ecosystem ecosystem, String version) {
        String text = withoutEpoch(version);
        if (ecosystem != null && SEMVER_LIKE.contains(ecosystem)) {
            int plus = text.indexOf('+');
            return (plus < 0 ? text : text.substring(0, plus)).contains("-");
        }
        return PRE_RELEASE.matcher(text).find();
    }

    private static String withoutEpoch(String version) {
        int colon = version.indexOf(':');
        return colon >= 0 && colon < 4 ? version.substring(colon + 1) : version;
    }
}
