package io.supplygraph.server.ui;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.supplygraph.analysis.AmbiguousException;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.PortfolioAnswers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The web UI: pages rendered on the server from the same views the REST API answers with, so a page costs one
 * round trip and works without JavaScript. Scripts do only what needs one: upload and delete (through the REST API,
 * with a write token the browser keeps for the session) and drawing a dependency path as a graph.
 *
 * <p>Every page sends a Content-Security-Policy that allows scripts, styles and connections only from this server:
 * a value from a document that escaped escaping still could not run. Writes need the write token in an
 * Authorization header, which a browser never adds by itself, so another site cannot forge them (no cookies are
 * involved in writing).
 */
public final class WebUi {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";

    private final Templates templates = new Templates();
    private final SignIn signIn;
    private final List<UiPage> pages;

    public WebUi(GraphAccess graph, PortfolioAnswers portfolio, boolean anonymousRead) {
        this.signIn = new SignIn(graph, anonymousRead, templates);
        this.pages = List.of(
                new UiPage("/", new OverviewPage(portfolio, templates)),
                new UiPage("/search", new SearchPage(graph, templates)),
                new UiPage("/fix", new FixPage(portfolio, templates)),
                new UiPage("/applications", new ApplicationsPage(portfolio, templates)),
                new UiPage("/app", new ApplicationPage(graph, templates)),
                new UiPage("/package", new PackagePage(graph, templates)),
                new UiPage("/vuln/{id}", new VulnerabilityPage(graph, templates)),
                new UiPage("/path", new PathPage(graph, templates)),
                new UiPage("/documents", new DocumentsPage(graph, templates)),
                new UiPage("/documents/{digest}", new DocumentPage(graph, templates)));
    }

    private record UiPage(String path, Handler handler) {}

    /** The UI's own routes, as {@code "GET /app"}: pages for people, not part of the API's contract. */
    public Set<String> routes() {
        Set<String> routes = new TreeSet<>(SignIn.ROUTES);
        pages.forEach(page -> routes.add("GET " + page.path()));
        return routes;
    }

    public void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/ui";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "max-age=300");
        });
        config.staticFiles.enableWebjars();
        signIn.register(config);
        for (UiPage page : pages) {
            config.routes.get(page.path(), ctx -> {
                secure(ctx);
                if (signIn.allows(ctx)) {
                    answer(ctx, page.handler());
                }
            });
        }
    }

    static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }

    /** A page, or a page that says what went wrong: a person reads these, not a client. */
    private void answer(Context ctx, Handler page) throws Exception {
        try {
            page.handle(ctx);
        } catch (NotFoundException e) {
            problem(ctx, 404, "Not found", e.getMessage());
        } catch (AmbiguousException e) {
            problem(ctx, 409, "More than one match", e.getMessage());
        } catch (IllegalArgumentException e) {
            problem(ctx, 400, "Cannot show that", e.getMessage());
        }
    }

    private void problem(Context ctx, int status, String title, String message) {
        templates.render(ctx, status, "problem.jte", Chrome.of(title, ""), new ProblemModel(title, message));
    }
}
