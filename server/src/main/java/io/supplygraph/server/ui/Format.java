package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.Severity;
import java.text.NumberFormat;
import java.util.Locale;

/** How numbers, ratings and dates read on a page. */
public final class Format {

    private Format() {}

    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }

    /** A rating, or {@code unrated}: no rating is not a low one. */
    public static String severity(Severity severity) {
        return severity == null ? "unrated" : severity.label();
    }

    /** The CSS class that colours a rating. */
    public static String severityClass(Severity severity) {
        return "sev sev-" + severity(severity);
    }

    /** An ISO-8601 instant down to the minute, as people scan it. */
    public static String instant(String iso) {
        if (iso == null) {
            return "";
        }
        String s = iso.replace('T', ' ');
        return s.length() > 16 ? s.substring(0, 16) : s;
    }

    /** {@code sha256:3f2a9c01…}: enough of a digest to tell documents apart on a page. */
    public static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        int end = Math.min(digest.length(), colon + 13);
        return end < digest.length() ? digest.substring(0, end) + "…" : digest;
    }

    public static String plural(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }
}
