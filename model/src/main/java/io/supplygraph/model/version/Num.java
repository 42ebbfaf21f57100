package io.supplygraph.model.version;

/**
 * An unbounded non-negative decimal number taken from a version string. Real versions hold small numbers, which
 * compare as longs; dates, build stamps and test vectors hold numbers past 2^63, which compare by their digits
 * (without leading zeros: a longer run of digits is the larger number).
 */
record Num(long small, String digits) implements Comparable<Num> {

    static final Num ZERO = new Num(0, null);

    /** Parses {@code text[start, end)}, which must hold only ASCII digits and at least one of them. */
    static Num of(CharSequence text, int start, int end) {
        while (start < end - 1 && text.charAt(start) == '0') {
            start++;
        }
        if (end - start <= 18) {
            long v = 0;
            for (int i = start; i < end; i++) {
                v = v * 10 + (text.charAt(i) - '0');
            }
            return v == 0 ? ZERO : new Num(v, null);
        }
        return new Num(-1, text.subSequence(start, end).toString());
    }

    static Num of(String digits) {
        return of(digits, 0, digits.length());
    }

    boolean isZero() {
        return small == 0;
    }

    @Override
    public int compareTo(Num o) {
        if (digits == null && o.digits == null) {
            return Long.compare(small, o.small);
        }
        if (digits == null) {
            return -1;
        }
        if (o.digits == null) {
            return 1;
        }
        int byLength = Integer.compare(digits.length(), o.digits.length());
        return byLength != 0 ? byLength : Integer.signum(digits.compareTo(o.digits));
    }

    @Override
    public String toString() {
        return digits == null ? Long.toString(small) : digits;
    }

    /** Compares two digit runs inside strings as numbers, without allocating. */
    static int compareDigits(CharSequence a, int aStart, int aEnd, CharSequence b, int bStart, int bEnd) {
        while (aStart < aEnd - 1 && a.charAt(aStart) == '0') {
            aStart++;
        }
        while (bStart < bEnd - 1 && b.charAt(bStart) == '0') {
            bStart++;
        }
        int byLength = Integer.compare(aEnd - aStart, bEnd - bStart);
        if (byLength != 0) {
            return byLength;
        }
        for (; aStart < aEnd; aStart++, bStart++) {
            int c = a.charAt(aStart) - b.charAt(bStart);
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return 0;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
