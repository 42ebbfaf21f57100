package io.supplygraph.model.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * PEP 440 as Python's {@code packaging.version.Version} parses and orders it: epoch, release (trailing zeros do
 * not count), pre-release ({@code a}/{@code b}/{@code rc} and their spellings alpha, beta, c, pre, preview),
 * post-release (also {@code rev}, {@code r} and the implicit {@code 1.0-1}), development release and local
 * version, with the separators and implicit zeros that normalisation allows. The parser is hand-written rather
 * than packaging's regular expression because parsing sits on the ingest path.
 * <p>
 * Strings that are not PEP 440 are ordered as packaging's {@code LegacyVersion} (before 22.0) did, before every
 * PEP 440 version: PyPI still serves such releases and OSV records still name them.
 */
public record Pep440Scheme() implements VersionScheme {

    private static final String[] PRE_SPELLINGS = {"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"};
    private static final int[] PRE_RANKS = {0, 0, 1, 1, 2, 2, 2, 2};
    private static final String[] POST_SPELLINGS = {"post", "rev", "r"};
    private static final int DEV_ONLY = -1;
    private static final int NO_PRE = 3;

    @Override
    public String name() {
        return "PEP 440";
    }

    @Override
    public Version parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty version");
        }
        Pep440 v = new Parser(text, s).parse();
        return v != null ? v : Legacy.of(text, s);
    }

    /** One pass over the lower-cased text; each optional part restores the position when it does not match. */
    private static final class Parser {
        private final String text;
        private final String s;
        private int i;

        Parser(String text, String s) {
            this.text = text;
            this.s = s;
        }

        Pep440 parse() {
            if (s.charAt(0) == 'v') {
                i = 1;
            }
            Num epoch = Num.ZERO;
            int digitsEnd = skipDigits(i);
            if (digitsEnd > i && digitsEnd < s.length() && s.charAt(digitsEnd) == '!') {
                epoch = Num.of(s, i, digitsEnd);
                i = digitsEnd + 1;
            }
            List<Num> release = new ArrayList<>(4);
            while (true) {
                int end = skipDigits(i);
                if (end == i) {
                    return null;
                }
                release.add(Num.of(s, i, end));
                i = end;
                if (i + 1 < s.length() && s.charAt(i) == '.' && Num.isDigit(s.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            int preRank = NO_PRE;
            Num preNum = Num.ZERO;
            int at = i;
            int keyword = keyword(skipSeparator(i), PRE_SPELLINGS);
            if (keyword >= 0) {
                preRank = PRE_RANKS[keyword];
                i = skipSeparator(i) + PRE_SPELLINGS[keyword].length();
                preNum = optionalNumber();
            } else {
                i = at;
            }
            Num post = null;
            if (i + 1 < s.length() && s.charAt(i) == '-' && Num.isDigit(s.charAt(i + 1))) {
                int end = skipDigits(i + 1);
                post = Num.of(s, i + 1, end);
                i = end;
            } else {
                keyword = keyword(skipSeparator(i), POST_SPELLINGS);
                if (keyword >= 0) {
                    i = skipSeparator(i) + POST_SPELLINGS[keyword].length();
                    post = optionalNumber();
                }
            }
            Num dev = null;
            if (s.startsWith("dev", skipSeparator(i))) {
                i = skipSeparator(i) + 3;
                dev = optionalNumber();
            }
            Object[] local = null;
            if (i < s.length() && s.charAt(i) == '+') {
                local = local(i + 1);
                if (local == null) {
                    return null;
                }
                i = s.length();
            }
            if (i != s.length()) {
                return null;
            }
            if (preRank == NO_PRE && post == null && dev != null) {
                preRank = DEV_ONLY;
            }
            int significant = release.size();
            while (significant > 1 && release.get(significant - 1).isZero()) {
                significant--;
            }
            return new Pep440(text, epoch, release.subList(0, significant).toArray(Num[]::new), preRank, preNum,
                    post, dev, local);
        }

        private Num optionalNumber() {
            int from = skipSeparator(i);
            int end = skipDigits(from);
            if (end > from) {
                i = end;
                return Num.of(s, from, end);
            }
            // a separator with no number after it still belongs to the part, as in packaging's pattern
            i = from;
            return Num.ZERO;
        }

        private Object[] local(int from) {
            List<Object> parts = new ArrayList<>();
            int start = from;
            for (int k = from; k <= s.length(); k++) {
                char c = k < s.length() ? s.charAt(k) : '.';
                if (c == '.' || c == '-' || c == '_') {
                    if (k == start) {
                        return null;
                    }
                    boolean numeric = skipDigits(start) == k;
                    parts.add(numeric ? Num.of(s, start, k) : s.substring(start, k));
                    start = k + 1;
                } else if (!Num.isDigit(c) && !(c >= 'a' && c <= 'z')) {
                    return null;
                }
            }
            return parts.toArray();
        }

        private int skipDigits(int from) {
            while (from < s.length() && Num.isDigit(s.charAt(from))) {
                from++;
            }
            return from;
        }

        private int skipSeparator(int from) {
            if (from < s.length()) {
                char c = s.charAt(from);
                if (c == '.' || c == '-' || c == '_') {
                    return from + 1;
                }
            }
            return from;
        }

        private int keyword(int from, String[] spellings) {
            for (int k = 0; k < spellings.length; k++) {
                if (s.startsWith(spellings[k], from)) {
                    return k;
                }
            }
            return -1;
        }
    }

    /** packaging's comparison key, field by field: a missing post or local orders first, a missing dev last. */
    record Pep440(String text, Num epoch, Num[] release, int preRank, Num preNum, Num post, Num dev, Object[] local)
            implements Version {

        @Override
        public int compareTo(Version other) {
            if (other instanceof Legacy) {
                return 1;
            }
            Pep440 o = (Pep440) other;
            int c = epoch.compareTo(o.epoch);
            if (c != 0) {
                return c;
            }
            int n = Math.max(release.length, o.release.length);
            for (int i = 0; i < n && c == 0; i++) {
                c = (i < release.length ? release[i] : Num.ZERO).compareTo(i < o.release.length ? o.release[i] : Num.ZERO);
            }
            if (c != 0) {
                return c;
            }
            if (preRank != o.preRank) {
                return preRank < o.preRank ? -1 : 1;
            }
            if (preRank >= 0 && preRank < NO_PRE && (c = preNum.compareTo(o.preNum)) != 0) {
                return c;
            }
            if ((c = compareOptional(post, o.post, -1)) != 0 || (c = compareOptional(dev, o.dev, 1)) != 0) {
                return c;
            }
            return compareLocal(local, o.local);
        }

        private static int compareOptional(Num a, Num b, int whenMissing) {
            if (a == null || b == null) {
                return a == b ? 0 : (a == null ? whenMissing : -whenMissing);
            }
            return a.compareTo(b);
        }

        private static int compareLocal(Object[] a, Object[] b) {
            if (a == null || b == null) {
                return a == b ? 0 : (a == null ? -1 : 1);
            }
            int n = Math.min(a.length, b.length);
            for (int i = 0; i < n; i++) {
                int c;
                if (a[i] instanceof Num x && b[i] instanceof Num y) {
                    c = x.compareTo(y);
                } else if (a[i] instanceof Num || b[i] instanceof Num) {
                    c = a[i] instanceof Num ? 1 : -1;
                } else {
                    c = Integer.signum(((String) a[i]).compareTo((String) b[i]));
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.length, b.length);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** packaging's {@code LegacyVersion} key: zero-padded numbers and starred words, pre-release words before "final". */
    record Legacy(String text, String[] parts) implements Version {

        static Legacy of(String text, String lower) {
            List<String> parts = new ArrayList<>();
            int i = 0;
            while (i <= lower.length()) {
                String part;
                if (i == lower.length()) {
                    part = "*final";
                    i++;
                } else {
                    char c = lower.charAt(i);
                    int end = i + 1;
                    if (Num.isDigit(c)) {
                        while (end < lower.length() && Num.isDigit(lower.charAt(end))) {
                            end++;
                        }
                    } else if (c >= 'a' && c <= 'z') {
                        while (end < lower.length() && lower.charAt(end) >= 'a' && lower.charAt(end) <= 'z') {
                            end++;
                        }
                    } else if (c != '.' && c != '-') {
                        // packaging split on its token pattern, so a run of other characters is one part
                        while (end < lower.length() && isOther(lower.charAt(end))) {
                            end++;
                        }
                    }
                    String raw = lower.substring(i, end);
                    i = end;
                    if (raw.equals(".")) {
                        continue;
                    }
                    raw = switch (raw) {
                        case "pre", "preview", "rc" -> "c";
                        case "-" -> "final-";
                        case "dev" -> "@";
                        default -> raw;
                    };
                    part = Num.isDigit(raw.charAt(0)) ? zeroPad(raw) : "*" + raw;
                }
                if (part.startsWith("*")) {
                    if (part.compareTo("*final") < 0) {
                        while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("*final-")) {
                            parts.remove(parts.size() - 1);
                        }
                    }
                    while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) {
                        parts.remove(parts.size() - 1);
                    }
                }
                parts.add(part);
            }
            return new Legacy(text, parts.toArray(String[]::new));
        }

        private static boolean isOther(char c) {
            return !Num.isDigit(c) && !(c >= 'a' && c <= 'z') && c != '.' && c != '-';
        }

        private static String zeroPad(String digits) {
            return digits.length() >= 8 ? digits : "0".repeat(8 - digits.length()) + digits;
        }

        @Override
        public int compareTo(Version other) {
            if (other instanceof Pep440) {
                return -1;
            }
            return Integer.signum(Arrays.compare(parts, ((Legacy) other).parts));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
