package io.supplygraph.model.version;

/**
 * NuGet's {@code NuGetVersion}: up to four numeric parts (the legacy {@code 1.0.0.1} form; missing parts are zero,
 * leading zeros allowed), SemVer 2 release labels compared ignoring case, metadata after {@code +} ignored.
 */
public record NuGetScheme() implements VersionScheme {

    @Override
    public String name() {
        return "NuGet";
    }

    @Override
    public Version parse(String text) {
        String s = text.strip();
        Segments.Core numbers = Segments.dottedNumbers(this, text, s, 0, 4, 4);
        Num[] parts = numbers.parts();
        int i = numbers.end();
        int plus = s.indexOf('+', i);
        int labelEnd = plus < 0 ? s.length() : plus;
        Identifiers release = Identifiers.NONE;
        if (i < s.length() && s.charAt(i) == '-') {
            release = Identifiers.parse(s, i + 1, labelEnd);
            if (release == null) {
                throw new InvalidVersionException(name(), text, "malformed release label '" + s.substring(i + 1, labelEnd) + "'");
            }
            i = labelEnd;
        }
        if (i < s.length() && s.charAt(i) == '+') {
            if (Identifiers.parse(s, i + 1, s.length()) == null) {
                throw new InvalidVersionException(name(), text, "malformed metadata '" + s.substring(i + 1) + "'");
            }
            i = s.length();
        }
        if (i != s.length()) {
            throw new InvalidVersionException(name(), text, "unexpected '" + s.charAt(i) + "' at position " + (i + 1));
        }
        return new NuGetVersion(text, parts, release);
    }

    record NuGetVersion(String text, Num[] parts, Identifiers release) implements Version {
        @Override
        public int compareTo(Version other) {
            NuGetVersion o = (NuGetVersion) other;
            for (int i = 0; i < 4; i++) {
                int c = parts[i].compareTo(o.parts[i]);
                if (c != 0) {
                    return c;
                }
            }
            if (release.isEmpty() || o.release.isEmpty()) {
                return Boolean.compare(release.isEmpty(), o.release.isEmpty());
            }
            return release.compareTo(o.release, true);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
