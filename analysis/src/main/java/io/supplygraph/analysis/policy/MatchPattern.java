package io.supplygraph.analysis.policy;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a waiver or a rule's scope names: a purl ({@code pkg:...}) or a vulnerability id or alias, where {@code *}
 * stands for any run of characters. A purl without a version ({@code pkg:npm/minimist}) names every version; a purl
 * is compared without its qualifiers and subpath. Ids are compared in any case ({@code cve-2021-44228} names
 * CVE-2021-44228).
 */
public final class MatchPattern {

    private static final String PURL_SCHEME = "pkg:";

    private final String text;
    private final Pattern pattern;
    private final boolean versioned;

    private MatchPattern(String text) {
        this.text = text;
        this.versioned = text.indexOf('@', PURL_SCHEME.length()) >= 0;
        String regex = Arrays.stream(text.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        this.pattern = Pattern.compile(regex, isPurl() ? 0 : Pattern.CASE_INSENSITIVE);
    }

    public static MatchPattern of(String text) {
        return new MatchPattern(text.strip());
    }

    public boolean isPurl() {
        return text.startsWith(PURL_SCHEME);
    }

    public boolean matchesPurl(String purl) {
        if (!isPurl() || purl == null) {
            return false;
        }
        int end = purl.length();
        for (int i = 0; i < purl.length(); i++) {
            if (purl.charAt(i) == '?' || purl.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        String bare = purl.substring(0, end);
        int at = bare.lastIndexOf('@');
        return pattern.matcher(versioned || at < 0 ? bare : bare.substring(0, at)).matches();
    }

    public boolean matchesId(String id) {
        return !isPurl() && pattern.matcher(id).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
