package io.supplygraph.server.ui;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.supplygraph.analysis.access.Scope;
import io.supplygraph.server.GraphAccess;
import java.util.List;

/**
 * Reading pages on a server that does not allow anonymous reads (one bound beyond loopback): a person signs in once
 * with a read token, which the browser then sends as an HttpOnly, same-site cookie. The cookie opens pages only; the
 * REST API still wants the token in an Authorization header, so a cookie can never write.
 */
final class SignIn {

    static final String COOKIE = "supplygraph_token";
    static final List<String> ROUTES = List.of("GET /sign-in", "POST /sign-in");

    private final GraphAccess graph;
    private final boolean anonymousRead;
    private final Templates templates;

    SignIn(GraphAccess graph, boolean anonymousRead, Templates templates) {
        this.graph = graph;
        this.anonymousRead = anonymousRead;
        this.templates = templates;
    }

    void register(JavalinConfig config) {
        config.routes.get("/sign-in", ctx -> {
            WebUi.secure(ctx);
            form(ctx, 200, null);
        });
        config.routes.post("/sign-in", ctx -> {
            WebUi.secure(ctx);
            String token = ctx.formParam("token");
            if (token == null || !reads(token.strip())) {
                form(ctx, 401, "That token is not known, was revoked, or cannot read.");
                return;
            }
            Cookie cookie = new Cookie(COOKIE, token.strip());
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/");
            cookie.setSecure(ctx.scheme().equals("https"));
            ctx.cookie(cookie);
            ctx.redirect(localPath(ctx.formParam("next")));
        });
    }

    /** Whether the page may be shown; if not, the answer is already a redirect to the sign-in form. */
    boolean allows(Context ctx) {
        if (anonymousRead) {
            return true;
        }
        String token = ctx.cookie(COOKIE);
        if (token != null && reads(token)) {
            return true;
        }
        String query = ctx.queryString();
        ctx.redirect("/sign-in?next=" + Links.encode(query == null ? ctx.path() : ctx.path() + "?" + query));
        return false;
    }

    private boolean reads(String secret) {
        return graph.read(g -> g.tokens().authenticate(secret))
                .map(t -> t.scope().allows(Scope.READ)).orElse(false);
    }

    private void form(Context ctx, int status, String problem) {
        templates.render(ctx, status, "sign-in.jte", Chrome.of("Sign in", ""),
                new SignInModel(localPath(ctx.queryParam("next") != null ? ctx.queryParam("next")
                        : ctx.formParam("next")), problem));
    }

    /** Only a path on this server: never {@code //host} or a scheme, so the form cannot send anyone elsewhere. */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "/";
        }
        return next;
    }
}
