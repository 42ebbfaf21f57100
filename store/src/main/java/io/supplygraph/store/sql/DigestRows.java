package io.supplygraph.store.sql;

import io.supplygraph.model.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Entries that carry any number of digests (statement subjects, build materials) flattened to one row per
 * entry and digest, so that each row joins one artifact; an entry without digests still gets one row.
 */
final class DigestRows {

    /** @param digest null for the single row of an entry without digests */
    record Row<T>(int ordinal, int digestOrdinal, T entry, Digest digest) {}

    private DigestRows() {}

    static <T> List<Row<T>> of(List<T> entries, Function<T, List<Digest>> digestsOf) {
        List<Row<T>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            T entry = entries.get(i);
            List<Digest> digests = digestsOf.apply(entry);
            if (digests.isEmpty()) {
                rows.add(new Row<>(i, 0, entry, null));
            }
            for (int d = 0; d < digests.size(); d++) {
                rows.add(new Row<>(i, d, entry, digests.get(d)));
            }
        }
        return rows;
    }

    /** The digests of the rows that have one, in row order. */
    static <T> List<Digest> digests(List<Row<T>> rows) {
        return rows.stream().map(Row::digest).filter(d -> d != null).toList();
    }
}
