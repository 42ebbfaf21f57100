package io.supplygraph.model.version;

import java.util.ArrayList;
import java.util.List;

/**
 * The fallback for ecosystems without a scheme of their own: runs of digits compare as numbers, runs of letters
 * compare ignoring case and before numbers, anything else separates, and a version that is a prefix of another
 * orders first. Accepts any string with at least one letter or digit.
 */
public record GenericScheme() implements VersionScheme {

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public Version parse(String text) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = i + 1;
            if (Num.isDigit(c)) {
                while (end < text.length() && Num.isDigit(text.charAt(end))) {
                    end++;
                }
                parts.add(Num.of(text, i, end));
            } else if (Character.isLetter(c)) {
                while (end < text.length() && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                parts.add(text.substring(i, end));
            }
            i = end;
        }
        if (parts.isEmpty()) {
            throw new InvalidVersionException(name(), text, "no letters or digits");
        }
        return new GenericVersion(text, parts.toArray());
    }

    record GenericVersion(String text, Object[] parts) implements Version {
        @Override
        public int compareTo(Version other) {
            Object[] b = ((GenericVersion) other).parts;
            int n = Math.min(parts.length, b.length);
            for (int i = 0; i < n; i++) {
                int c;
                if (parts[i] instanceof Num x && b[i] instanceof Num y) {
                    c = x.compareTo(y);
                } else if (parts[i] instanceof String x && b[i] instanceof String y) {
                    c = Integer.signum(x.compareToIgnoreCase(y));
                } else {
                    c = parts[i] instanceof Num ? 1 : -1;
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(parts.length, b.length);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
