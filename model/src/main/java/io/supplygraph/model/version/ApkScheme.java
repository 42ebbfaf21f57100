package io.supplygraph.model.version;

import java.util.Arrays;

/**
 * Alpine (and Wolfi, Chainguard): apk-tools' {@code version.c} (the 2.x tokenizer that Alpine's own
 * {@code apk version -t} runs), {@code number{.number}...{letter}{_suffix{number}}...{-rN}}. apk compares two
 * strings in lock-step, token by token, and the kind of each token depends on the one before; this class runs
 * apk's tokenizer once at parse time and keeps each token's value and the kind of token that follows, so that
 * comparing replays apk's loop over two arrays. Suffixes order
 * {@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}; a component with leading zeros
 * compares by its count of zeros first. {@code apk version -t} orders malformed strings too, so this scheme
 * accepts them; their malformed tail orders after everything, as in apk-tools 3.
 */
public record ApkScheme() implements VersionScheme {

    private static final int INVALID = -1;
    private static final int DIGIT_OR_ZERO = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NO = 4;
    private static final int REVISION_NO = 5;
    private static final int END = 6;
    private static final String[] PRE_SUFFIXES = {"alpha", "beta", "pre", "rc"};
    private static final String[] POST_SUFFIXES = {"cvs", "svn", "git", "hg", "p"};

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public Version parse(String text) {
        if (text.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty version");
        }
        Tokenizer t = new Tokenizer(text);
        int count = 0;
        long[] values = new long[8];
        Num[] big = new Num[8];
        boolean[] missing = new boolean[8];
        boolean[] phantom = new boolean[8];
        int[] nextKinds = new int[8];
        while (t.kind != END && t.kind != INVALID) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
                big = Arrays.copyOf(big, count * 2);
                missing = Arrays.copyOf(missing, count * 2);
                phantom = Arrays.copyOf(phantom, count * 2);
                nextKinds = Arrays.copyOf(nextKinds, count * 2);
            }
            values[count] = t.next();
            big[count] = t.big;
            missing[count] = t.missingNumber && !t.afterZeros;
            phantom[count] = t.afterZeros;
            nextKinds[count] = t.kind;
            count++;
        }
        return new ApkVersion(text, Arrays.copyOf(values, count), Arrays.copyOf(big, count),
                Arrays.copyOf(missing, count), Arrays.copyOf(phantom, count), Arrays.copyOf(nextKinds, count));
    }

    /** apk's get_token and next_token over one string. */
    private static final class Tokenizer {
        private final String s;
        private int pos;
        int kind = DIGIT;
        Num big;
        boolean missingNumber;
        boolean afterZeros;
        private boolean zerosBefore;

        Tokenizer(String s) {
            this.s = s;
        }

        long next() {
            big = null;
            missingNumber = false;
            afterZeros = false;
            int i = pos;
            long v = 0;
            int forced = INVALID;
            switch (kind) {
                case DIGIT_OR_ZERO, DIGIT, SUFFIX_NO, REVISION_NO -> {
                    if (kind == DIGIT_OR_ZERO && i < s.length() && s.charAt(i) == '0') {
                        while (i < s.length() && s.charAt(i) == '0') {
                            i++;
                        }
                        forced = DIGIT;
                        v = -(i - pos);
                    } else {
                        while (i < s.length() && Num.isDigit(s.charAt(i))) {
                            i++;
                        }
                        if (i - pos > 18) {
                            big = Num.of(s, pos, i);
                        } else if (i > pos) {
                            v = Num.of(s, pos, i).small();
                        } else {
                            missingNumber = true;
                            afterZeros = kind == DIGIT && zerosBefore;
                        }
                    }
                }
                case LETTER -> v = s.charAt(i++);
                case SUFFIX -> {
                    int k = find(PRE_SUFFIXES, i);
                    if (k >= 0) {
                        v = k - PRE_SUFFIXES.length;
                        i += PRE_SUFFIXES[k].length();
                    } else if ((k = find(POST_SUFFIXES, i)) >= 0) {
                        v = k;
                        i += POST_SUFFIXES[k].length();
                    } else {
                        kind = INVALID;
                        return -1;
                    }
                }
                default -> throw new IllegalStateException("no token after kind " + kind);
            }
            pos = i;
            zerosBefore = forced != INVALID;
            if (pos == s.length()) {
                kind = END;
            } else if (forced != INVALID) {
                kind = forced;
            } else {
                advanceKind();
            }
            return v;
        }

        private int find(String[] suffixes, int at) {
            for (int k = 0; k < suffixes.length; k++) {
                if (s.startsWith(suffixes[k], at)) {
                    return k;
                }
            }
            return -1;
        }

        /** apk's next_token: the kind of token that starts here, consuming its separator. */
        private void advanceKind() {
            char c = s.charAt(pos);
            int n = INVALID;
            if ((kind == DIGIT || kind == DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
                n = LETTER;
            } else if (kind == LETTER && Num.isDigit(c)) {
                n = DIGIT;
            } else if (kind == SUFFIX && Num.isDigit(c)) {
                n = SUFFIX_NO;
            } else {
                if (c == '.') {
                    n = DIGIT_OR_ZERO;
                } else if (c == '_') {
                    n = SUFFIX;
                } else if (c == '-' && pos + 1 < s.length() && s.charAt(pos + 1) == 'r') {
                    n = REVISION_NO;
                    pos++;
                }
                pos++;
            }
            if (n < kind && !((n == DIGIT_OR_ZERO && kind == DIGIT)
                    || (n == SUFFIX && kind == SUFFIX_NO)
                    || (n == DIGIT && kind == LETTER))) {
                n = INVALID;
            }
            kind = n;
        }
    }

    /**
     * @param missing per token, whether apk expected a number there and found none ({@code 1.}, {@code 1-r});
     *     apk 2 reads it as 0, and where the two versions part ways it ranks as malformed, as apk-tools 3 reads it
     * @param phantom per token, whether it is the empty number apk 2 reads after a zero component ({@code 1.0_rc1}
     *     reads 1, zeros, empty, _rc, 1); it compares as 0 like apk's, but where the two versions part ways it is
     *     looked through, so that 1.0_rc1 orders before 1.0 as apk-tools 3 and Gentoo order it
     */
    record ApkVersion(String text, long[] values, Num[] big, boolean[] missing, boolean[] phantom, int[] nextKinds)
            implements Version {

        /** True when apk would accept this version for a package, not only order it. */
        public boolean wellFormed() {
            return nextKinds.length > 0 && nextKinds[nextKinds.length - 1] == END;
        }

        private int kindAfter(int k) {
            return k < 0 ? DIGIT : nextKinds[k];
        }

        private int compareValue(ApkVersion o, int k) {
            if (big[k] != null || o.big[k] != null) {
                // a run of more than 18 digits is larger than any other token value
                return big[k] == null ? -1 : o.big[k] == null ? 1 : big[k].compareTo(o.big[k]);
            }
            return Long.compare(values[k], o.values[k]);
        }

        @Override
        public int compareTo(Version other) {
            ApkVersion o = (ApkVersion) other;
            int k = -1;
            int c = 0;
            while (c == 0 && kindAfter(k) == o.kindAfter(k) && kindAfter(k) != END && kindAfter(k) != INVALID) {
                k++;
                c = compareValue(o, k);
            }
            if (c != 0) {
                return c;
            }
            int ai = skipPhantom(k + 1);
            int bi = o.skipPhantom(k + 1);
            int at = kindAfter(ai - 1);
            int bt = o.kindAfter(bi - 1);
            if (at == bt) {
                return 0;
            }
            // equal so far: the version that goes on is newer, unless it goes on with a pre-release suffix
            if (at == SUFFIX && ai < values.length && values[ai] < 0) {
                return -1;
            }
            if (bt == SUFFIX && bi < o.values.length && o.values[bi] < 0) {
                return 1;
            }
            int ar = rank(at, ai);
            int br = o.rank(bt, bi);
            return ar == br ? 0 : ar > br ? -1 : 1;
        }

        private int skipPhantom(int token) {
            while (token < phantom.length && phantom[token]) {
                token++;
            }
            return token;
        }

        /** A malformed tail ranks after the end of a version, as apk-tools 3 orders it. */
        private int rank(int kind, int token) {
            return kind == INVALID || (token < missing.length && missing[token]) ? END + 1 : kind;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
