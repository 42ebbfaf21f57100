package io.supplygraph.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.view.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a query's views either as a table for people or, with {@code --json}, as JSON for scripts. Both come from
 * the views' one JSON mapping ({@link Json}): the table's cells are the serialised fields, so a field never exists
 * in one form and not the other; the table shows the columns a person reads, the JSON every field.
 */
public final class Output {

    private Output() {}

    public static void json(PrintWriter out, Object value) {
        out.println(Json.pretty(value));
        out.flush();
    }

    /** The views as a table of the given columns. */
    public static void table(PrintWriter out, List<?> views, List<Column> columns) {
        List<List<String>> cells = new ArrayList<>();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).header().length();
        }
        for (Object view : views) {
            JsonNode row = Json.tree(view);
            List<String> line = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                String cell = columns.get(c).cell(row);
                widths[c] = Math.max(widths[c], cell.length());
                line.add(cell);
            }
            cells.add(line);
        }
        out.println(line(columns.stream().map(c -> c.header().toUpperCase()).toList(), widths));
        for (List<String> line : cells) {
            out.println(line(line, widths));
        }
        out.flush();
    }

    public static void print(PrintWriter out, boolean json, List<?> views, List<Column> columns) {
        if (json) {
            json(out, views);
        } else {
            table(out, views, columns);
        }
    }

    /**
     * The views as CSV (RFC 4180) of the given columns: a header of the field names, then one line per view, for
     * spreadsheets; lists are joined as the columns say.
     */
    public static void csv(PrintWriter out, List<?> views, List<Column> columns) {
        out.print(String.join(",", columns.stream().map(c -> csvCell(c.field())).toList()) + "\r\n");
        for (Object view : views) {
            JsonNode row = Json.tree(view);
            out.print(String.join(",", columns.stream().map(c -> csvCell(c.csvCell(row))).toList()) + "\r\n");
        }
        out.flush();
    }

    private static String csvCell(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                b.append("  ");
            }
            b.append(c == cells.size() - 1 ? cells.get(c) : pad(cells.get(c), widths[c]));
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
