package io.supplygraph.model.version;

/**
 * Debian and Ubuntu: dpkg's {@code [epoch:]upstream[-revision]} and its {@code verrevcmp}. Non-digit runs compare
 * character by character with letters before other characters and {@code ~} before everything (even the end, so
 * {@code 1.0~rc1 < 1.0}); digit runs compare numerically. Rejected as dpkg rejects them: an empty version or
 * part, whitespace, a non-numeric epoch. Like {@code dpkg --compare-versions}, an upstream part that does not
 * start with a digit or holds unusual characters only earns a warning there, so it is accepted here.
 */
public record DpkgScheme() implements VersionScheme {

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public Version parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new InvalidVersionException(name(), text, "version string is empty");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                throw new InvalidVersionException(name(), text, "version string has embedded spaces");
            }
        }
        Num epoch = Num.ZERO;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            if (colon == 0) {
                throw new InvalidVersionException(name(), text, "epoch in version is empty");
            }
            for (int i = 0; i < colon; i++) {
                if (!Num.isDigit(s.charAt(i))) {
                    throw new InvalidVersionException(name(), text, "epoch in version is not number");
                }
            }
            epoch = Num.of(s, 0, colon);
            if (colon == s.length() - 1) {
                throw new InvalidVersionException(name(), text, "nothing after colon in version number");
            }
        }
        int dash = s.lastIndexOf('-');
        String upstream = dash > colon ? s.substring(colon + 1, dash) : s.substring(colon + 1);
        String revision = dash > colon ? s.substring(dash + 1) : "";
        if (dash > colon && revision.isEmpty()) {
            throw new InvalidVersionException(name(), text, "revision number is empty");
        }
        if (upstream.isEmpty()) {
            throw new InvalidVersionException(name(), text, "version number is empty");
        }
        return new DpkgVersion(text, epoch, upstream, revision);
    }

    record DpkgVersion(String text, Num epoch, String upstream, String revision) implements Version {
        @Override
        public int compareTo(Version other) {
            DpkgVersion o = (DpkgVersion) other;
            int c = epoch.compareTo(o.epoch);
            if (c == 0) {
                c = verrevcmp(upstream, o.upstream);
            }
            return c != 0 ? c : verrevcmp(revision, o.revision);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static int order(int c) {
        if (Num.isDigit((char) c)) {
            return 0;
        }
        if (Num.isAsciiLetter((char) c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c == 0 ? 0 : c + 256;
    }

    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !Num.isDigit(a.charAt(i))) || (j < b.length() && !Num.isDigit(b.charAt(j)))) {
                int ac = order(i < a.length() ? a.charAt(i) : 0);
                int bc = order(j < b.length() ? b.charAt(j) : 0);
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && j < b.length() && Num.isDigit(a.charAt(i)) && Num.isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && Num.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && Num.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }
}
