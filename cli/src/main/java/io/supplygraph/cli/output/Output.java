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

    /** The views as a table of the given columns, never cut (piped output). */
    public static void table(PrintWriter out, List<?> views, List<Column> columns) {
        table(out, views, columns, Fit.UNLIMITED);
    }

    /** The views as a table of the given columns, its long cells cut with {@code …} to fit. */
    public static void table(PrintWriter out, List<?> views, List<Column> columns, Fit fit) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns.stream().map(c -> c.header().toUpperCase()).toList());
        for (Object view : views) {
            JsonNode row = Json.tree(view);
            cells.add(columns.stream().map(c -> c.cell(row)).toList());
        }
        int[] natural = new int[columns.size()];
        int[] floors = new int[columns.size()];
        int[] titles = new int[columns.size()];
        for (List<String> line : cells) {
            for (int c = 0; c < natural.length; c++) {
                natural[c] = Math.max(natural[c], line.get(c).length());
            }
        }
        for (int c = 0; c < floors.length; c++) {
            floors[c] = columns.get(c).floor(natural[c]);
            titles[c] = columns.get(c).header().length();
        }
        int[] widths = fit.widths(natural, floors, titles);
        for (List<String> line : cells) {
            out.println(line(line, widths));
        }
        out.flush();
    }

    public static void print(PrintWriter out, boolean json, List<?> views, List<Column> columns) {
        print(out, json, views, columns, Fit.UNLIMITED);
    }

    public static void print(PrintWriter out, boolean json, List<?> views, List<Column> columns, Fit fit) {
        if (json) {
            json(out, views);
        } else {
            table(out, views, columns, fit);
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
                b.append(Fit.GAP);
            }
            String cell = Cells.cut(cells.get(c), widths[c]);
            b.append(c == cells.size() - 1 ? cell : pad(cell, widths[c]));
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
