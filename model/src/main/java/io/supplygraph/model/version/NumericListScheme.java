package io.supplygraph.model.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Versions that are only a list of numbers, compared element by element with a shorter prefix first: Hackage's
 * {@code Data.Version} ({@code 1.0 < 1.0.0}) and R's {@code package_version} for CRAN and Bioconductor, which
 * also accepts {@code -} as a separator ({@code 0.1-2}).
 */
public record NumericListScheme(String name, String separators) implements VersionScheme {

    public static final NumericListScheme HACKAGE = new NumericListScheme("Hackage", ".");
    public static final NumericListScheme CRAN = new NumericListScheme("CRAN", ".-");

    @Override
    public Version parse(String text) {
        String s = text.strip();
        List<Num> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || separators.indexOf(s.charAt(i)) >= 0) {
                if (i == start) {
                    throw new InvalidVersionException(name, text, i == 0 && s.isEmpty() ? "empty version" : "empty component at position " + (i + 1));
                }
                parts.add(Num.of(s, start, i));
                start = i + 1;
            } else if (!Num.isDigit(s.charAt(i))) {
                throw new InvalidVersionException(name, text, "unexpected '" + s.charAt(i) + "' at position " + (i + 1));
            }
        }
        return new NumericList(text, parts.toArray(Num[]::new));
    }

    record NumericList(String text, Num[] parts) implements Version {
        @Override
        public int compareTo(Version other) {
            return Segments.compareLexicographically(parts, ((NumericList) other).parts);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
