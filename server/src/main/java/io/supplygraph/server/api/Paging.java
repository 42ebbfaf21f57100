package io.supplygraph.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.server.http.ApiProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The list parameters every list endpoint shares, applied the same way to every list: {@code q} keeps items with
 * a text field containing it, {@code sort} orders by one field (stable, so the endpoint's own deterministic
 * order breaks ties), then {@link Page#of} cuts the page {@code offset} and {@code limit} ask for. Filtering and
 * sorting work on the items as JSON, the form the client sees, so a client sorts by the field names it reads.
 */
public record Paging(String q, String sort, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = Page.MAX_LIMIT;

    public static Paging of(Context ctx) {
        int limit = integer(ctx, "limit", DEFAULT_LIMIT);
        int offset = integer(ctx, "offset", 0);
        Page.of(List.of(), limit, offset); // checks both before the query runs, with Page's own messages
        String q = ctx.queryParam("q");
        String sort = ctx.queryParam("sort");
        return new Paging(q == null || q.isBlank() ? null : q.strip(), sort == null || sort.isBlank() ? null
                : sort.strip(), limit, offset);
    }

    /** The page of {@code items} asked for; the items themselves, filtered and sorted by their JSON form. */
    public <T> Page<T> apply(List<T> items, ObjectMapper json) {
        if (q == null && sort == null) {
            return Page.of(items, limit, offset);
        }
        List<Item<T>> kept = new ArrayList<>(items.size());
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        for (T item : items) {
            JsonNode node = json.valueToTree(item);
            if (needle == null || contains(node, needle)) {
                kept.add(new Item<>(item, node));
            }
        }
        if (sort != null) {
            Comparator<JsonNode> order = comparator(kept.stream().map(Item::json).toList());
            kept.sort((a, b) -> order.compare(a.json(), b.json()));
        }
        return Page.of(kept.stream().map(Item::value).toList(), limit, offset);
    }

    /** An item and its JSON form, which filtering and sorting read. */
    private record Item<T>(T value, JsonNode json) {}

    private Comparator<JsonNode> comparator(List<JsonNode> nodes) {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        if (!nodes.isEmpty() && !nodes.get(0).has(field)) {
            List<String> fields = new ArrayList<>();
            nodes.get(0).fieldNames().forEachRemaining(fields::add);
            throw ApiProblem.badRequest("cannot sort by '" + field + "': the items' fields are " + fields);
        }
        int direction = descending ? -1 : 1;
        return (x, y) -> compareValues(x.get(field), y.get(field), direction);
    }

    /** Missing values last in either direction; numbers by value; anything else by its text, in any case. */
    private static int compareValues(JsonNode a, JsonNode b, int direction) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return Boolean.compare(aNull, bNull);
        }
        if (a.isNumber() && b.isNumber()) {
            return direction * Double.compare(a.asDouble(), b.asDouble());
        }
        return direction * String.CASE_INSENSITIVE_ORDER.compare(text(a), text(b));
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static boolean contains(JsonNode node, String needle) {
        if (node.isTextual()) {
            return node.asText().toLowerCase(Locale.ROOT).contains(needle);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            if (contains(children.next(), needle)) {
                return true;
            }
        }
        return false;
    }

    private static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be a whole number, not '" + value + "'");
        }
    }
}
