package io.supplygraph.cli;

import io.supplygraph.analysis.view.Page;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * A query whose answer is a list, sorted in an order its query documents: {@code --limit} and {@code --offset}
 * page through it, and {@code --json} stays a plain array of the page's items.
 */
abstract class ListCommand extends QueryCommand {

    /** Lines a terminal keeps for the title, the note below the table and the next prompt. */
    static final int TERMINAL_MARGIN = 5;
    /** A terminal shows at least this many items, however few its rows. */
    static final int TERMINAL_LEAST = 10;

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N items (1 to " + Page.MAX_LIMIT + "). Default: every item from --offset on"
                    + " (on a terminal, a screenful).")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N items. Default: 0.")
    int offset;

    @Option(names = "--all-rows", description = "On a terminal too, every item from --offset on (output to a file"
            + " or a pipe always has every item).")
    boolean allRows;

    /** Said on stderr once the table is out: which items it shows. */
    private String pending;

    /**
     * The items asked for; when that is not the whole list, a note after the table says which they are. On a
     * terminal, without --limit or --all-rows, a screenful, and the note says how to see the rest.
     */
    <T> List<T> page(List<T> sorted) {
        Integer screen = limit == null && !allRows && !format().whole() && terminal().interactive()
                ? Math.max(TERMINAL_LEAST, terminal().rows() - TERMINAL_MARGIN) : null;
        Page<T> page = limit != null ? Page.of(sorted, limit, offset)
                : screen != null ? Page.of(sorted, Math.min(screen, Page.MAX_LIMIT), offset) : Page.from(sorted, offset);
        int shown = page.items().size();
        long more = page.total() - offset - shown;
        if (shown == 0 && page.total() > 0) {
            pending = "none from offset " + offset + ": there are " + page.total();
        } else if (screen != null && more > 0) {
            pending = more + " more: --limit N / --all-rows (items " + (offset + 1) + " to " + (offset + shown)
                    + " of " + page.total() + ")";
        } else if (shown < page.total()) {
            pending = "items " + (offset + 1) + " to " + (offset + shown) + " of " + page.total();
        }
        return page.items();
    }

    @Override
    void afterTable() {
        if (pending != null) {
            note(pending);
            pending = null;
        }
    }
}
