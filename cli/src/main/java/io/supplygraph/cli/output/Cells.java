package io.supplygraph.cli.output;

/**
 * Cuts a cell to a width, marking the cut with {@code …}. A purl keeps its type and its end (name, version), which
 * tell packages apart, and loses the middle of its namespace; a path keeps its end; anything else keeps its start.
 */
final class Cells {

    static final String ELLIPSIS = "…";
    /** What a path's hops are joined with; a path keeps its end, the package it leads to. */
    private static final String PATH = " > ";

    private Cells() {}

    static String cut(String cell, int width) {
        if (cell.length() <= width) {
            return cell;
        }
        if (width <= 1) {
            return ELLIPSIS.substring(0, width);
        }
        if (cell.contains(PATH)) {
            return ELLIPSIS + cell.substring(cell.length() - (width - 1));
        }
        return cell.startsWith("pkg:") && cell.indexOf('/') > 0 ? cutPurl(cell, width)
                : cell.substring(0, width - 1) + ELLIPSIS;
    }

    /**
     * {@code pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1} in 30 columns is
     * {@code pkg:maven/…/log4j-core@2.14.1}: qualifiers go first, then the namespace from its end (and the type),
     * then the middle of the name and version.
     */
    private static String cutPurl(String purl, int width) {
        int qualifiers = purl.indexOf('?');
        if (qualifiers > 0 && qualifiers + 1 <= width) {
            return purl.substring(0, qualifiers) + ELLIPSIS;
        }
        String plain = qualifiers > 0 ? purl.substring(0, qualifiers) : purl;
        int typeEnd = plain.indexOf('/') + 1;
        int nameSlash = plain.lastIndexOf('/', versionStart(plain));
        String tail = plain.substring(nameSlash);
        if (nameSlash >= typeEnd && tail.length() + 2 <= width) {
            int keep = width - 1 - tail.length();
            return plain.substring(0, keep) + ELLIPSIS + tail;
        }
        String nameAndVersion = plain.substring(nameSlash + 1);
        if (nameAndVersion.length() + 1 <= width) {
            return ELLIPSIS + nameAndVersion;
        }
        int start = width / 2;
        return nameAndVersion.substring(0, start) + ELLIPSIS
                + nameAndVersion.substring(nameAndVersion.length() - (width - 1 - start));
    }

    /** Where the version starts, or the end: the first {@code @} after the type. */
    private static int versionStart(String purl) {
        int at = purl.indexOf('@', purl.indexOf('/') + 1);
        return at < 0 ? purl.length() - 1 : at;
    }
}
