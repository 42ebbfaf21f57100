package io.supplygraph.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of purl components as the purl specification defines it: the text is encoded as UTF-8, and every
 * byte that is not an unreserved character ({@code A-Z a-z 0-9 . - _ ~}) becomes {@code %XX}, two upper-case hex
 * digits. Non-ASCII text is therefore always encoded, {@code 💩} as {@code %F0%9F%92%A9}, and NUL as {@code %00}.
 *
 * <p>This is packageurl-java's job, but 1.5.0, the only version we can get, gets the bytes wrong both ways
 * (package-url/packageurl-java#150, fixed upstream by #160, not yet released to us): encoding sign-extends each byte,
 * so {@code é} (C3 A9) comes out as {@code %FFFFFFC3%FFFFFFA9} and a byte below 0x10 loses its leading zero (NUL
 * becomes {@code %0}); decoding turns each {@code %XX} into the character U+00XX, so {@code caf%C3%A9} reads as
 * {@code cafÃ©}. The library still parses, validates and applies the per-type rules (lower-cased names, ...); these
 * methods do the bytes around it. Its input is made all-ASCII first ({@link #encodeNonAscii}), so that every
 * character it decodes stands for exactly one byte, and those bytes are then read as the UTF-8 they are
 * ({@link #decodeUtf8}). When packageurl-java ships #160, this class can shrink to nothing.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /** A component as it is written in a canonical purl. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int octet = b & 0xFF; // the library's bug: without the mask, 0xC3 is -61 and prints as FFFFFFC3
            if (isUnreserved(octet)) {
                out.append((char) octet);
            } else {
                appendEscape(out, octet);
            }
        }
        return out.toString();
    }

    /** The purl with each non-ASCII character percent-encoded as UTF-8; ASCII, escapes included, left as it was. */
    static String encodeNonAscii(String purl) {
        if (isAscii(purl)) {
            return purl;
        }
        StringBuilder out = new StringBuilder(purl.length() + 32);
        for (int i = 0; i < purl.length(); ) {
            int codePoint = purl.codePointAt(i);
            if (codePoint < 0x80) {
                out.append((char) codePoint);
            } else if (Character.isSurrogate((char) codePoint)) {
                throw new IllegalArgumentException("it holds half of a surrogate pair, which is no character");
            } else {
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /**
     * The text a component means, from what packageurl-java decoded out of an all-ASCII purl: each of its characters
     * is one byte (U+00C3 is the byte C3), and the bytes must be UTF-8.
     */
    static String decodeUtf8(String oneCharPerByte) throws CharacterCodingException {
        if (oneCharPerByte == null || isAscii(oneCharPerByte)) {
            return oneCharPerByte;
        }
        byte[] bytes = oneCharPerByte.getBytes(StandardCharsets.ISO_8859_1);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static void appendEscape(StringBuilder out, int octet) {
        out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-' || c == '_' || c == '~';
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
