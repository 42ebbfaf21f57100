package io.supplygraph.model.version;

/**
 * Semantic Versioning 2.0 as npm's node-semver, Cargo, Hex and Go order it: numeric core, then pre-release
 * identifiers (a pre-release orders before its release), build metadata ignored. Go's pseudo-versions
 * ({@code v0.0.0-20210101000000-abcdef123456}) are pre-releases and {@code +incompatible} is build metadata, so
 * plain SemVer orders them as the go command does. Lenient where the ecosystems' tools are: a leading {@code v} or
 * {@code =}, a shortened core ({@code 1.2} = {@code 1.2.0}) and extra numeric components (compared after the
 * third).
 * <p>
 * Dart's pub is the one SemVer dialect in which build metadata orders ({@code 1.0.0 < 1.0.0+1}), compared like
 * pre-release identifiers; {@link #PUB} switches that on.
 */
public record SemVerScheme(String name, boolean buildOrders) implements VersionScheme {

    public static final SemVerScheme SEMVER = new SemVerScheme("SemVer", false);
    public static final SemVerScheme PUB = new SemVerScheme("Pub", true);

    @Override
    public Version parse(String text) {
        String s = text.strip();
        int i = 0;
        if (s.startsWith("v") || s.startsWith("V") || s.startsWith("=")) {
            i = 1;
        }
        Segments.Core numbers = Segments.dottedNumbers(this, text, s, i, 3, Integer.MAX_VALUE);
        Num[] core = numbers.parts();
        i = numbers.end();
        Identifiers pre = Identifiers.NONE;
        Identifiers build = Identifiers.NONE;
        int plus = s.indexOf('+', i);
        int preEnd = plus < 0 ? s.length() : plus;
        if (i < s.length() && s.charAt(i) == '-') {
            pre = Identifiers.parse(s, i + 1, preEnd);
            if (pre == null) {
                throw new InvalidVersionException(name, text, "malformed pre-release '" + s.substring(i + 1, preEnd) + "'");
            }
            i = preEnd;
        }
        if (i < s.length() && s.charAt(i) == '+') {
            build = Identifiers.parse(s, i + 1, s.length());
            if (build == null) {
                throw new InvalidVersionException(name, text, "malformed build metadata '" + s.substring(i + 1) + "'");
            }
            i = s.length();
        }
        if (i != s.length()) {
            throw new InvalidVersionException(name, text, "unexpected '" + s.charAt(i) + "' at position " + (i + 1));
        }
        return new SemVer(text, core, pre, buildOrders ? build : Identifiers.NONE);
    }

    record SemVer(String text, Num[] core, Identifiers pre, Identifiers build) implements Version {
        @Override
        public int compareTo(Version other) {
            SemVer o = (SemVer) other;
            int n = Math.max(core.length, o.core.length);
            for (int i = 0; i < n; i++) {
                int c = (i < core.length ? core[i] : Num.ZERO).compareTo(i < o.core.length ? o.core[i] : Num.ZERO);
                if (c != 0) {
                    return c;
                }
            }
            int c = comparePresentFirst(pre, o.pre, false);
            return c != 0 ? c : comparePresentFirst(build, o.build, true);
        }

        /** A missing pre-release orders after one that is present; missing build metadata orders before it. */
        private static int comparePresentFirst(Identifiers a, Identifiers b, boolean missingFirst) {
            if (a.isEmpty() || b.isEmpty()) {
                int c = Boolean.compare(a.isEmpty(), b.isEmpty());
                return missingFirst ? -c : c;
            }
            return a.compareTo(b, false);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
