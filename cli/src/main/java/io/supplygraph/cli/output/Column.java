package io.supplygraph.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table column: one serialised field of a view, so that a table never shows what {@code --json} does not. A
 * null is shown as {@code -}; a list is joined, with {@code " > "} (a path) unless told otherwise, and a list of
 * objects shows one member of each.
 *
 * @param header    the column's title, upper-cased in the table; the field's name unless {@link #titled} says
 * @param member    for a list of objects, the member shown of each; for an object, the member shown; else null
 * @param separator what a list's items are joined with
 * @param narrowest  how narrow a terminal may make it, at most (a shorter column stays as wide as its cells); 0 for
 *                   the default, {@link Fit#NARROWEST} or its title
 */
public record Column(String header, String field, String member, String separator, int narrowest) {

    public static Column of(String field) {
        return new Column(field, field, null, " > ", 0);
    }

    /** A purl: cut, on a narrow terminal, to no fewer than 30 characters, which keep its name and version. */
    public static Column purl(String field) {
        return of(field).atLeast(30);
    }

    public static List<Column> all(String... fields) {
        return Arrays.stream(fields).map(Column::of).toList();
    }

    public Column joined(String separator) {
        return new Column(header, field, member, separator, narrowest);
    }

    public Column each(String member) {
        return new Column(header, field, member, separator, narrowest);
    }

    public Column titled(String header) {
        return new Column(header, field, member, separator, narrowest);
    }

    /** A column a person needs to read whole, or nearly (a purl, an id): cut to no fewer than this many characters. */
    public Column atLeast(int characters) {
        return new Column(header, field, member, separator, characters);
    }

    /** The narrowest a terminal may make this column, given its widest cell. */
    int floor(int natural) {
        return Math.min(natural, Math.max(narrowest > 0 ? narrowest : Fit.NARROWEST, header.length()));
    }

    /** As {@link #cell}, with an absent value empty rather than {@code -}: what a spreadsheet reads as no value. */
    String csvCell(JsonNode row) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? "" : cell(row);
    }

    String cell(JsonNode row) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return "-";
        }
        if (value.isObject() && member != null) {
            JsonNode shown = value.path(member);
            return shown.isMissingNode() || shown.isNull() ? "-" : shown.asText();
        }
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add((member == null ? item : item.path(member)).asText()));
        return String.join(separator, items);
    }
}
