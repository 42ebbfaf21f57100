package io.supplygraph.cli;

import io.supplygraph.analysis.view.Page;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * A query whose answer is a list, sorted in an order its query documents: {@code --limit} and {@code --offset}
 * page through it, and {@code --json} stays a plain array of the page's items.
 */
abstract class ListCommand extends QueryCommand {

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N items (1 to " + Page.MAX_LIMIT + "). Default: every item from --offset on.")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N items. Default: 0.")
    int offset;

    /** The items asked for; when that is not the whole list, a note says which they are. */
    <T> List<T> page(List<T> sorted) {
        Page<T> page = limit == null ? Page.from(sorted, offset) : Page.of(sorted, limit, offset);
        int shown = page.items().size();
        if (shown == 0 && page.total() > 0) {
            note("none from offset " + offset + ": there are " + page.total());
        } else if (shown < page.total()) {
            note("items " + (offset + 1) + " to " + (offset + shown) + " of " + page.total());
        }
        return page.items();
    }
}
