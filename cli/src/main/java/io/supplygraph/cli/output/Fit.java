package io.supplygraph.cli.output;

/**
 * How wide a table may be: a terminal's width, or unlimited (piped output, {@code --wide}), which is never cut.
 *
 * @param columns the characters a line may hold; {@link Integer#MAX_VALUE} for no limit
 */
public record Fit(int columns) {

    public static final Fit UNLIMITED = new Fit(Integer.MAX_VALUE);

    /** No column is cut below this (or its title, or its widest cell, whichever is smaller). */
    static final int NARROWEST = 8;

    static final String GAP = "  ";

    /**
     * Widths that fit, cutting the widest columns first, each down to no less than its floor; when the floors do not
     * fit, down to the width of its title (and a line is longer than the terminal only when the titles are).
     */
    int[] widths(int[] natural, int[] floors, int[] titles) {
        long total = sum(natural) + (long) GAP.length() * (natural.length - 1);
        if (total <= columns) {
            return natural;
        }
        int available = (int) Math.max(0, columns - (long) GAP.length() * (natural.length - 1));
        if (sum(floors) > available) {
            floors = titles;
        }
        // The largest cap such that every column at min(natural, max(cap, floor)) fits.
        int low = 0;
        int high = max(natural);
        while (low < high) {
            int cap = (low + high + 1) / 2;
            if (sum(capped(natural, floors, cap)) <= available) {
                low = cap;
            } else {
                high = cap - 1;
            }
        }
        int[] widths = capped(natural, floors, low);
        // What the cap leaves over goes to the columns it cut, left first.
        int spare = available - (int) sum(widths);
        for (int c = 0; c < widths.length && spare > 0; c++) {
            int more = Math.min(spare, natural[c] - widths[c]);
            widths[c] += more;
            spare -= more;
        }
        return widths;
    }

    private static int[] capped(int[] natural, int[] floors, int cap) {
        int[] widths = new int[natural.length];
        for (int c = 0; c < natural.length; c++) {
            widths[c] = Math.min(natural[c], Math.max(cap, floors[c]));
        }
        return widths;
    }

    private static long sum(int[] values) {
        long s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
