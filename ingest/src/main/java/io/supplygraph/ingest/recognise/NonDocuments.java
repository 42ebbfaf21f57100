package io.supplygraph.ingest.recognise;

import java.util.Locale;
import java.util.Set;

/**
 * Files that sit beside documents in a repository or a release folder and cannot be one: by name (a README, a
 * LICENSE, a CSV, an image) or by content (neither JSON nor XML nor SPDX tag-value, which every supported format
 * is). An unrecognised file that passes neither test looked like a document and failed to be one: that is an error.
 */
public final class NonDocuments {

    private static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "text", "rst", "adoc", "csv",
            "tsv", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "bmp", "pdf", "html", "htm", "css", "js", "ts",
            "java", "py", "go", "rs", "c", "h", "sh", "toml", "ini", "cfg", "properties", "lock", "log", "sum", "mod");
    private static final Set<String> NAMES = Set.of("license", "licence", "copying", "notice", "readme", "changelog",
            "changes", "authors", "contributing", "security", "makefile", "dockerfile", "codeowners");

    private NonDocuments() {}

    /** True when the file's name or its first bytes say it cannot be any supported document. */
    public static boolean cannotBeDocument(String name, byte[] head, int length) {
        return nameSaysSo(name) || !structured(head, length);
    }

    static boolean nameSaysSo(String name) {
        String file = name.substring(Math.max(name.lastIndexOf('/'), Math.max(name.lastIndexOf('\\'),
                name.lastIndexOf('!'))) + 1).toLowerCase(Locale.ROOT);
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String extension = dot > 0 ? file.substring(dot + 1) : "";
        return NAMES.contains(stem) || NAMES.contains(file) || EXTENSIONS.contains(extension);
    }

    /** JSON, XML or tag-value (SPDX 2), after a byte-order mark and white space; never with NUL bytes (binary). */
    static boolean structured(byte[] head, int length) {
        int i = length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        for (int j = i; j < length; j++) {
            if (head[j] == 0) {
                return false;
            }
        }
        while (i < length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i == length) {
            return false;
        }
        byte first = head[i];
        if (first == '{' || first == '[' || first == '<') {
            return true;
        }
        String start = new String(head, i, Math.min(length - i, 64), java.nio.charset.StandardCharsets.US_ASCII);
        return start.startsWith("SPDXVersion:") || start.startsWith("##");
    }
}
