package io.supplygraph.analysis.graph;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The names closest to a misspelt one, for a "did you mean" that catches typos, not guesses. */
final class CloseNames {

    /** At most this many suggestions. */
    static final int MAX = 3;

    private CloseNames() {}

    /** ": did you mean a, b?" when some are close; empty otherwise. */
    static String suggestion(String wanted, Collection<String> candidates) {
        List<String> close = closest(wanted, candidates);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    /**
     * Candidates within a few edits of {@code wanted} (ignoring case): two for short names, one more per six
     * characters, so that {@code nmp} finds {@code npm} and {@code lodahs} finds {@code lodash}, but {@code a}
     * does not find every one-letter name. Closest first, then alphabetically.
     */
    static List<String> closest(String wanted, Collection<String> candidates) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int allowed = 2 + w.length() / 6;
        record Scored(String name, int distance) {}
        return candidates.stream().filter(c -> !c.equalsIgnoreCase(wanted))
                .map(c -> new Scored(c, distance(w, c.toLowerCase(Locale.ROOT), allowed)))
                .filter(s -> s.distance() <= allowed)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX).map(Scored::name).toList();
    }

    /**
     * Edits (insert, delete, substitute, swap two neighbours) from a to b; anything above {@code bound} reads as
     * {@code bound + 1}, so that a long list of far names costs a length comparison each.
     */
    static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) > bound) {
            return bound + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return Math.min(d[a.length()][b.length()], bound + 1);
    }
}
