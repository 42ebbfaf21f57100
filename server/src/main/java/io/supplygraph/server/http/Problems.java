package io.supplygraph.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supplygraph.analysis.AmbiguousException;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.store.StoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into an {@code application/problem+json} answer. What the query layer throws maps by type:
 * an unknown digest or id is 404, an ambiguous digest prefix 409, any other wrong argument (an invalid purl, an
 * unknown severity) 400, and a database that does not answer 503. Anything else is 500, whose detail says nothing
 * of the request or the data, since it may hold what the client should not see; the log has the stack trace.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    private Problems() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (e, ctx) -> write(ctx, e));
        routes.exception(NotFoundException.class, (e, ctx) -> write(ctx, new ApiProblem(404, "Not Found", e.getMessage())));
        routes.exception(AmbiguousException.class, (e, ctx) -> write(ctx, new ApiProblem(409, "Conflict", e.getMessage())));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> write(ctx, ApiProblem.badRequest(e.getMessage())));
        routes.exception(StoreException.class, (e, ctx) -> {
            LOG.log(Level.WARNING, "database failure on " + ctx.method() + " " + ctx.path(), e);
            write(ctx, ApiProblem.unavailable("the database did not answer: " + e.getMessage(), 5));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(Level.SEVERE, "unexpected failure on " + ctx.method() + " " + ctx.path(), e);
            write(ctx, new ApiProblem(500, "Internal Server Error", "the server failed; its log says why"));
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, new ApiProblem(404, "Not Found", "no such resource: " + ctx.path()));
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, new ApiProblem(405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    public static void write(Context ctx, ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", ctx.path());
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status()).json(body).contentType(MEDIA_TYPE);
    }

    /** The answer explains itself already: a problem document, or a UI page that says what went wrong. */
    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && (type.startsWith(MEDIA_TYPE) || type.startsWith("text/html"));
    }
}
