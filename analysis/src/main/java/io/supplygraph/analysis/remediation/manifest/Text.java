package io.supplygraph.analysis.remediation.manifest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the text-level edits of every manifest share: the file's own line ending and indentation. */
final class Text {

    private static final Pattern INDENT = Pattern.compile("(?m)^([ \\t]+)\\S");

    private Text() {}

    /** The file's line ending: CRLF when its first line ends so, else LF. */
    static String lineEnding(String text) {
        int n = text.indexOf('\n');
        return n > 0 && text.charAt(n - 1) == '\r' ? "\r\n" : "\n";
    }

    /** The smallest indentation step the file uses (a tab, or some spaces); four spaces when nothing is indented. */
    static String indentUnit(String text) {
        Matcher m = INDENT.matcher(text);
        String unit = null;
        while (m.find()) {
            String indent = m.group(1);
            if (indent.startsWith("\t")) {
                return "\t";
            }
            if (unit == null || indent.length() < unit.length()) {
                unit = indent;
            }
        }
        return unit == null ? "    " : unit;
    }

    /** The whitespace that starts the line holding {@code offset}. */
    static String indentAt(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        int end = start;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(start, end);
    }

    /** The offset where the line holding {@code offset} starts. */
    static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /**
     * The text with every match of {@code comment} blanked out (line breaks kept): offsets stay those of the text,
     * and a commented-out declaration is never found.
     */
    static String blanked(String text, Pattern comment) {
        StringBuilder b = new StringBuilder(text);
        Matcher m = comment.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (b.charAt(i) != '\n') {
                    b.setCharAt(i, ' ');
                }
            }
        }
        return b.toString();
    }

    static String replace(String text, int start, int end, String with) {
        return text.substring(0, start) + with + text.substring(end);
    }
}
