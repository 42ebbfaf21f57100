package io.supplygraph.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.supplygraph.server.http.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** How every endpoint answers: a listing paged the same way everywhere, or one object; and its inputs, checked. */
final class Answers {

    private final ObjectMapper json;

    Answers(ObjectMapper json) {
        this.json = json;
    }

    /** The page the request asks for; its parameters are checked before the query runs. */
    void list(Context ctx, Supplier<List<?>> query) {
        Paging paging = Paging.of(ctx);
        ctx.json(paging.apply(query.get(), json));
    }

    void one(Context ctx, Object answer) {
        ctx.json(answer);
    }

    static String required(Context ctx, String name) {
        String value = optional(ctx, name);
        if (value == null) {
            throw ApiProblem.badRequest("the query parameter '" + name + "' is required");
        }
        return value;
    }

    /** The parameter's value, stripped; null when it is absent or blank. */
    static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiProblem.badRequest(name + " must be true or false, not '" + value + "'");
        };
    }
}
