package io.supplygraph.model.version;

/**
 * Dot-separated SemVer identifiers ({@code alpha.1}, a pre-release or build part): numeric identifiers compare as
 * numbers and before alphanumeric ones, alphanumeric ones compare by ASCII (NuGet: ignoring case), and a prefix
 * orders first. Numeric values are parsed once here so comparing never re-reads the text.
 */
record Identifiers(String[] parts, Num[] numbers) {

    static final Identifiers NONE = new Identifiers(new String[0], new Num[0]);

    /** Parses {@code text[start, end)}; returns null when an identifier is empty or holds a character outside [0-9A-Za-z-]. */
    static Identifiers parse(String text, int start, int end) {
        int count = 1;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '.') {
                count++;
            }
        }
        String[] parts = new String[count];
        Num[] numbers = new Num[count];
        int n = 0;
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '.') {
                if (i == from) {
                    return null;
                }
                boolean numeric = true;
                for (int j = from; j < i; j++) {
                    char c = text.charAt(j);
                    if (!Num.isDigit(c)) {
                        numeric = false;
                        if (!Num.isAsciiLetter(c) && c != '-') {
                            return null;
                        }
                    }
                }
                parts[n] = text.substring(from, i);
                numbers[n] = numeric ? Num.of(text, from, i) : null;
                n++;
                from = i + 1;
            }
        }
        return new Identifiers(parts, numbers);
    }

    boolean isEmpty() {
        return parts.length == 0;
    }

    int compareTo(Identifiers o, boolean ignoreCase) {
        int n = Math.min(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            Num a = numbers[i];
            Num b = o.numbers[i];
            int c;
            if (a != null && b != null) {
                c = a.compareTo(b);
            } else if (a != null || b != null) {
                c = a != null ? -1 : 1;
            } else {
                c = ignoreCase ? parts[i].compareToIgnoreCase(o.parts[i]) : parts[i].compareTo(o.parts[i]);
            }
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return Integer.compare(parts.length, o.parts.length);
    }
}
