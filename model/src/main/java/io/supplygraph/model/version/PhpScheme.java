package io.supplygraph.model.version;

/**
 * Packagist: PHP's {@code version_compare}, which Composer uses to order the versions it has normalised. The
 * string is canonicalised ({@code -}, {@code _}, {@code +} and other punctuation become {@code .}, and a
 * {@code .} is inserted where digits meet letters), then compared part by part: numbers numerically, words by
 * PHP's special forms ({@code dev < alpha = a < beta = b < RC = rc < # < pl = p}, any other word before
 * {@code dev}), a number counting as {@code #}. A leading {@code v} is dropped as Composer does. Numbers are
 * compared exactly rather than saturating at PHP's integer limit.
 */
public record PhpScheme() implements VersionScheme {

    private static final String[] FORMS = {"dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p"};
    private static final int[] ORDERS = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5};
    private static final Object[] NUMBER_FORM = {"#"};

    @Override
    public String name() {
        return "Packagist";
    }

    @Override
    public Version parse(String text) {
        String s = text.strip();
        if (s.startsWith("v") || s.startsWith("V")) {
            s = s.substring(1);
        }
        Object[] parts = canonicalParts(s);
        if (parts.length == 0) {
            throw new InvalidVersionException(name(), text, "no version parts");
        }
        return new PhpVersion(text, parts);
    }

    private static Object[] canonicalParts(String s) {
        return Segments.digitsAndWords(s, PhpScheme::isWordChar).toArray();
    }

    private static boolean isWordChar(char c) {
        return Num.isAsciiLetter(c) || c == '#';
    }

    /** PHP matches a special form as a prefix of the part: "patch" is "p", "alpha2x" cannot occur after splitting. */
    private static int order(Object part) {
        if (part instanceof Num) {
            return 4;
        }
        String word = (String) part;
        for (int k = 0; k < FORMS.length; k++) {
            if (word.startsWith(FORMS[k])) {
                return ORDERS[k];
            }
        }
        return -1;
    }

    static int compareParts(Object[] a, int from, Object[] b, int fromB) {
        int i = from;
        int j = fromB;
        while (i < a.length && j < b.length) {
            int c;
            if (a[i] instanceof Num x && b[j] instanceof Num y) {
                c = x.compareTo(y);
            } else {
                c = Integer.compare(order(a[i]), order(b[j]));
            }
            if (c != 0) {
                return c;
            }
            i++;
            j++;
        }
        if (i < a.length) {
            return a[i] instanceof Num ? 1 : compareParts(a, i, NUMBER_FORM, 0);
        }
        if (j < b.length) {
            return b[j] instanceof Num ? -1 : compareParts(NUMBER_FORM, 0, b, j);
        }
        return 0;
    }

    record PhpVersion(String text, Object[] parts) implements Version {
        @Override
        public int compareTo(Version other) {
            return compareParts(parts, 0, ((PhpVersion) other).parts, 0);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
