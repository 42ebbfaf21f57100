package io.supplygraph.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Prints a query's rows either as a table for people or, with {@code --json}, as a JSON array for scripts.
 * Both come from the same ordered maps, so a field never exists in one form and not the other; the table
 * shows the columns a person reads, the JSON every field, under names that stay stable.
 */
public final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {}

    public static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** The rows as a table of the given columns; a collection cell is shown joined with {@code " > "} for paths. */
    public static void table(PrintWriter out, List<Map<String, Object>> rows, List<String> columns) {
        List<List<String>> cells = new ArrayList<>();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
        }
        for (Map<String, Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                String cell = cell(row.get(columns.get(c)));
                widths[c] = Math.max(widths[c], cell.length());
                line.add(cell);
            }
            cells.add(line);
        }
        out.println(line(columns.stream().map(String::toUpperCase).toList(), widths));
        for (List<String> line : cells) {
            out.println(line(line, widths));
        }
        out.flush();
    }

    public static void print(PrintWriter out, boolean json, List<Map<String, Object>> rows, List<String> columns) {
        if (json) {
            json(out, rows);
        } else {
            table(out, rows, columns);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Collection<?> c) {
            return String.join(" > ", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
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
