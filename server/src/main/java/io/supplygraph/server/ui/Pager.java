package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.Page;
import io.supplygraph.server.api.Paging;
import java.util.ArrayList;
import java.util.List;

/**
 * The controls of one paged list: where this page starts and ends, the links to the pages before and after, and a
 * link per sortable column that sorts by it (again: the other way). The list's page URL keeps its own parameters.
 *
 * @param base the page's path and its own parameters, without the list's {@code q}, {@code sort}, {@code limit}
 *             and {@code offset}
 */
public record Pager(String base, Paging paging, long total, int shown) {

    public static Pager of(String base, Paging paging, Page<?> page) {
        return new Pager(base, paging, page.total(), page.items().size());
    }

    public long from() {
        return total == 0 ? 0 : Math.min(total, paging.offset() + 1L);
    }

    public long to() {
        return paging.offset() + (long) shown;
    }

    public boolean hasPrevious() {
        return paging.offset() > 0;
    }

    public boolean hasNext() {
        return to() < total;
    }

    public String previous() {
        return url(paging.q(), paging.sort(), Math.max(0, paging.offset() - paging.limit()));
    }

    public String next() {
        return url(paging.q(), paging.sort(), paging.offset() + paging.limit());
    }

    public String filter() {
        return paging.q() == null ? "" : paging.q();
    }

    public String sort() {
        return paging.sort() == null ? "" : paging.sort();
    }

    /** Sorts by {@code field}, or by it descending when the list is sorted by it already. */
    public String sortBy(String field) {
        return url(paging.q(), field.equals(paging.sort()) ? "-" + field : field, 0);
    }

    /** {@code ascending}, {@code descending} or {@code none}: what {@code aria-sort} says of a column. */
    public String sortedBy(String field) {
        if (field.equals(paging.sort())) {
            return "ascending";
        }
        return ("-" + field).equals(paging.sort()) ? "descending" : "none";
    }

    /** The parameters other than the list's, as hidden fields of the filter form. */
    public List<String[]> hiddenFields() {
        List<String[]> fields = new ArrayList<>();
        int query = base.indexOf('?');
        if (query < 0) {
            return fields;
        }
        for (String pair : base.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.add(new String[] {decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))});
            }
        }
        return fields;
    }

    public String action() {
        int query = base.indexOf('?');
        return query < 0 ? base : base.substring(0, query);
    }

    private String url(String q, String sort, long offset) {
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? "&" : "?");
        if (q != null) {
            url.append("q=").append(Links.encode(q)).append('&');
        }
        if (sort != null) {
            url.append("sort=").append(Links.encode(sort)).append('&');
        }
        if (paging.limit() != Paging.DEFAULT_LIMIT) {
            url.append("limit=").append(paging.limit()).append('&');
        }
        return url.append("offset=").append(offset).toString();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
