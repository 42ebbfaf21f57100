package io.supplygraph.model.version;

import java.util.ArrayList;
import java.util.List;

/**
 * RubyGems' {@code Gem::Version}: the string must match Gem's pattern (numbers, dot-separated alphanumeric
 * segments, an optional dash-separated pre-release); a {@code -} reads as {@code .pre.}; segments are runs of
 * digits or letters; trailing zeros are dropped from the release part and from the pre-release part separately
 * ("canonical segments"); a letter segment marks a pre-release and orders before any number.
 */
public record RubyGemsScheme() implements VersionScheme {

    @Override
    public String name() {
        return "RubyGems";
    }

    @Override
    public Version parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            s = "0";
        }
        String reason = invalidReason(s);
        if (reason != null) {
            throw new InvalidVersionException(name(), text, reason);
        }
        return new GemVersion(text, canonicalSegments(s.replace("-", ".pre.")));
    }

    /** Gem's {@code ANCHORED_VERSION_PATTERN}: {@code [0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?}. */
    private static String invalidReason(String s) {
        if (!Num.isDigit(s.charAt(0))) {
            return "must start with a digit";
        }
        int dash = s.indexOf('-');
        String release = dash < 0 ? s : s.substring(0, dash);
        for (String segment : release.split("\\.", -1)) {
            if (segment.isEmpty()) {
                return "empty segment";
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (!Num.isDigit(c) && !Num.isAsciiLetter(c)) {
                    return "unexpected '" + c + "'";
                }
            }
        }
        if (dash >= 0) {
            for (String segment : s.substring(dash + 1).split("\\.", -1)) {
                if (segment.isEmpty()) {
                    return "empty pre-release segment";
                }
                for (int i = 0; i < segment.length(); i++) {
                    char c = segment.charAt(i);
                    if (!Num.isDigit(c) && !Num.isAsciiLetter(c) && c != '-') {
                        return "unexpected '" + c + "'";
                    }
                }
            }
        }
        return null;
    }

    private static Object[] canonicalSegments(String s) {
        List<Object> segments = Segments.digitsAndWords(s, Num::isAsciiLetter);
        int firstWord = 0;
        while (firstWord < segments.size() && segments.get(firstWord) instanceof Num) {
            firstWord++;
        }
        List<Object> numeric = new ArrayList<>(segments.subList(0, firstWord));
        List<Object> rest = new ArrayList<>(segments.subList(firstWord, segments.size()));
        dropTrailingZeros(numeric);
        dropTrailingZeros(rest);
        numeric.addAll(rest);
        return numeric.toArray();
    }

    private static void dropTrailingZeros(List<Object> segments) {
        while (!segments.isEmpty() && segments.get(segments.size() - 1) instanceof Num n && n.isZero()) {
            segments.remove(segments.size() - 1);
        }
    }

    record GemVersion(String text, Object[] segments) implements Version {
        @Override
        public int compareTo(Version other) {
            Object[] b = ((GemVersion) other).segments;
            int n = Math.max(segments.length, b.length);
            for (int i = 0; i < n; i++) {
                Object l = i < segments.length ? segments[i] : Num.ZERO;
                Object r = i < b.length ? b[i] : Num.ZERO;
                if (l instanceof Num x && r instanceof Num y) {
                    int c = x.compareTo(y);
                    if (c != 0) {
                        return c;
                    }
                } else if (l instanceof String x && r instanceof String y) {
                    int c = x.compareTo(y);
                    if (c != 0) {
                        return Integer.signum(c);
                    }
                } else {
                    return l instanceof String ? -1 : 1;
                }
            }
            return 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
