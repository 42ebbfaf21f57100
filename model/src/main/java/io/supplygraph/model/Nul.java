package io.supplygraph.model;

/**
 * How text holding NUL (U+0000) is kept: with ␀ (U+2400, SYMBOL FOR NULL) in its place. PostgreSQL text cannot
 * hold U+0000 (it fails the statement: {@code invalid byte sequence for encoding "UTF8": 0x00}) while SQLite can;
 * one rule for both keeps a graph the same on either, and a visible symbol shows where something was, which
 * dropping it would not. Other control characters are kept as they are, since both hold them. Purls are untouched:
 * they carry a NUL percent-encoded, as {@code %00}, so an identity stays exact.
 */
public final class Nul {

    public static final char SYMBOL = '\u2400';

    private Nul() {}

    /** True when the text holds a NUL; false for null. */
    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** The text with each NUL replaced by {@link #SYMBOL}; null stays null. */
    public static String escape(String text) {
        return in(text) ? text.replace('\0', SYMBOL) : text;
    }
}
