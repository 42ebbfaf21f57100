package io.supplygraph.model.version;

/**
 * RPM's {@code [epoch:]version[-release]} with librpm's {@code rpmvercmp}: alphanumeric segments (separators
 * ignored), numbers numerically and after letters, a longer string wins when the other ends, {@code ~} orders
 * before everything (pre-releases) and {@code ^} after the base but before anything else (snapshots). As in
 * {@code rpmverCmp}, a missing epoch is 0 and a missing release orders before any release. RPM accepts any
 * non-empty string.
 */
public record RpmScheme() implements VersionScheme {

    @Override
    public String name() {
        return "RPM";
    }

    @Override
    public Version parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty version");
        }
        int versionStart = 0;
        Num epoch = Num.ZERO;
        int colon = s.indexOf(':');
        if (colon > 0 && allDigits(s, 0, colon)) {
            epoch = Num.of(s, 0, colon);
            versionStart = colon + 1;
        }
        int dash = s.lastIndexOf('-');
        String version = dash >= versionStart ? s.substring(versionStart, dash) : s.substring(versionStart);
        String release = dash >= versionStart ? s.substring(dash + 1) : null;
        return new RpmVersion(text, epoch, version, release);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Num.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    record RpmVersion(String text, Num epoch, String version, String release) implements Version {
        @Override
        public int compareTo(Version other) {
            RpmVersion o = (RpmVersion) other;
            int c = epoch.compareTo(o.epoch);
            if (c == 0) {
                c = rpmvercmp(version, o.version);
            }
            if (c == 0 && (release != null || o.release != null)) {
                c = release == null ? -1 : o.release == null ? 1 : rpmvercmp(release, o.release);
            }
            return c;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static boolean isAlnum(char c) {
        return Num.isDigit(c) || Num.isAsciiLetter(c);
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int one = 0;
        int two = 0;
        while (one < a.length() || two < b.length()) {
            while (one < a.length() && !isAlnum(a.charAt(one)) && a.charAt(one) != '~' && a.charAt(one) != '^') {
                one++;
            }
            while (two < b.length() && !isAlnum(b.charAt(two)) && b.charAt(two) != '~' && b.charAt(two) != '^') {
                two++;
            }
            char c1 = at(a, one);
            char c2 = at(b, two);
            if (c1 == '~' || c2 == '~') {
                if (c1 != '~') {
                    return 1;
                }
                if (c2 != '~') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (c1 == '^' || c2 == '^') {
                if (c1 == 0) {
                    return -1;
                }
                if (c2 == 0) {
                    return 1;
                }
                if (c1 != '^') {
                    return 1;
                }
                if (c2 != '^') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (c1 == 0 || c2 == 0) {
                break;
            }
            int end1 = one;
            int end2 = two;
            boolean numeric = Num.isDigit(c1);
            if (numeric) {
                while (end1 < a.length() && Num.isDigit(a.charAt(end1))) {
                    end1++;
                }
                while (end2 < b.length() && Num.isDigit(b.charAt(end2))) {
                    end2++;
                }
            } else {
                while (end1 < a.length() && Num.isAsciiLetter(a.charAt(end1))) {
                    end1++;
                }
                while (end2 < b.length() && Num.isAsciiLetter(b.charAt(end2))) {
                    end2++;
                }
            }
            if (end2 == two) {
                // segments of different kinds: a number is newer than letters
                return numeric ? 1 : -1;
            }
            int c = numeric
                    ? Num.compareDigits(a, one, end1, b, two, end2)
                    : Integer.signum(a.substring(one, end1).compareTo(b.substring(two, end2)));
            if (c != 0) {
                return c;
            }
            one = end1;
            two = end2;
        }
        if (one >= a.length() && two >= b.length()) {
            return 0;
        }
        return one >= a.length() ? -1 : 1;
    }
}
