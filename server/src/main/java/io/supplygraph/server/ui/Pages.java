package io.supplygraph.server.ui;

import io.javalin.http.Context;
import io.supplygraph.analysis.NotFoundException;
import java.util.List;
import java.util.function.Supplier;

/** What the pages share in reading their requests. */
final class Pages {

    private Pages() {}

    static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("this page needs the parameter '" + name + "'");
        }
        return value.strip();
    }

    /** Provenance and Scorecards are extras: a page whose subject has none still shows the rest. */
    static <T> List<T> orNone(Supplier<List<T>> query) {
        try {
            return query.get();
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}
