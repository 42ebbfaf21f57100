package io.supplygraph.model.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splitting shared by several schemes: a dotted numeric core ({@code 1.2.3}), and runs of digits and of word
 * characters with everything else a separator. Kept apart from any one scheme because their rules agree here and
 * differ everywhere else.
 */
final class Segments {

    /** Characters that belong to a word segment; the rest of the non-digits separate. */
    interface WordChar {
        boolean test(char c);
    }

    private Segments() {}

    /** A dotted numeric core and where it ends in the text. */
    record Core(Num[] parts, int end) {}

    /**
     * Reads {@code digits(.digits)*} from {@code from}, padding to at least {@code minParts} with zeros and
     * refusing more than {@code maxParts}.
     */
    static Core dottedNumbers(VersionScheme scheme, String text, String s, int from, int minParts, int maxParts) {
        Num[] parts = new Num[minParts];
        int count = 0;
        int i = from;
        while (true) {
            int start = i;
            while (i < s.length() && Num.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new InvalidVersionException(scheme.name(), text, "expected a number at position " + (start + 1));
            }
            if (count == maxParts) {
                throw new InvalidVersionException(scheme.name(), text, "more than " + maxParts + " numeric parts");
            }
            if (count == parts.length) {
                parts = Arrays.copyOf(parts, count + 2);
            }
            parts[count++] = Num.of(s, start, i);
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        if (count < minParts) {
            Arrays.fill(parts, count, minParts, Num.ZERO);
        } else {
            parts = Arrays.copyOf(parts, count);
        }
        return new Core(parts, i);
    }

    /** Runs of ASCII digits (as {@link Num}) and of word characters (as strings), in order. */
    static List<Object> digitsAndWords(String s, WordChar word) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = i + 1;
            if (Num.isDigit(c)) {
                while (end < s.length() && Num.isDigit(s.charAt(end))) {
                    end++;
                }
                parts.add(Num.of(s, i, end));
            } else if (word.test(c)) {
                while (end < s.length() && word.test(s.charAt(end))) {
                    end++;
                }
                parts.add(s.substring(i, end));
            }
            i = end;
        }
        return parts;
    }

    /**
     * Element by element, a shorter prefix first: numbers numerically and after words, words ignoring case.
     */
    static int compareLexicographically(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c;
            if (a[i] instanceof Num x && b[i] instanceof Num y) {
                c = x.compareTo(y);
            } else if (a[i] instanceof String x && b[i] instanceof String y) {
                c = Integer.signum(x.compareToIgnoreCase(y));
            } else {
                c = a[i] instanceof Num ? 1 : -1;
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
