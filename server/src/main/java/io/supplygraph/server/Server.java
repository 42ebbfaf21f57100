package io.supplygraph.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.server.api.Api;
import io.supplygraph.server.api.Endpoint;
import io.supplygraph.server.auth.Authenticator;
import io.supplygraph.server.http.Problems;
import io.supplygraph.server.ops.AccessLog;
import io.supplygraph.server.ops.Metrics;
import io.supplygraph.server.ui.WebUi;
import io.supplygraph.server.queue.QueueDispatch;
import io.supplygraph.server.queue.Worker;
import io.supplygraph.server.upload.IngestGate;
import io.supplygraph.server.upload.JobDispatch;
import io.supplygraph.server.upload.JobRunner;
import io.supplygraph.server.upload.Spool;
import io.supplygraph.server.upload.Uploads;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code supplygraph serve}: the graph behind a REST API. The database is the only state (tokens and jobs live in
 * it too), so any number of servers may share one PostgreSQL database. Uploads go through the spool on this
 * server's disk; a job cut short by a crash runs again when this server starts.
 */
public final class Server implements AutoCloseable {

    /**
     * Jetty and Javalin report each start and stop at INFO; the server prints its own line with the URL, and the
     * access log says the rest. Held so they are not collected (java.util.logging keeps loggers weakly).
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.eclipse.jetty"),
            Logger.getLogger("io.javalin"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    /** How long a stopping server lets requests in flight finish. */
    private static final long DRAIN_MILLIS = 30_000;
    /** The request attribute naming the matched route's template, for metrics. */
    private static final String ROUTE = "supplygraph.route";

    private final GraphAccess graph;
    private final JobRunner jobs;
    private final JobDispatch dispatch;
    private final Javalin app;
    private final ServerOptions options;
    private final WebUi ui;

    private Server(GraphAccess graph, JobRunner jobs, JobDispatch dispatch, Javalin app, ServerOptions options,
            WebUi ui) {
        this.graph = graph;
        this.dispatch = dispatch;
        this.ui = ui;
        this.jobs = jobs;
        this.app = app;
        this.options = options;
    }

    /** Opens the database, resumes unfinished jobs of this server's spool, and starts listening. */
    public static Server start(ServerOptions options) {
        GraphAccess graph = new GraphAccess(Supplygraph.open(options.database()), options.ingestThreads());
        JobRunner jobs = null;
        JobDispatch dispatch = null;
        try {
            ObjectMapper json = Json.mapper();
            Spool spool = new Spool(options.spool());
            spool.discardUnanswered();
            Metrics metrics = new Metrics();
            jobs = new JobRunner(graph, spool, json, metrics, options.maxJobs(), options.osv());
            IngestGate gate = new IngestGate(options.maxPending());
            metrics.queueDepth(gate::inUse, jobs::queued);
            dispatch = dispatch(options, graph, spool, jobs);
            jobs.importAdvisoriesThrough(dispatch);
            Uploads uploads = new Uploads(graph, spool, jobs, dispatch, gate, metrics, options.maxUploadBytes());
            PortfolioAnswers portfolio = new PortfolioAnswers(graph);
            Api api = new Api(graph, portfolio, uploads, metrics, json, version());
            Authenticator authenticator = new Authenticator(graph, options.allowsAnonymousRead());
            AccessLog accessLog = new AccessLog(options.accessLog(), options.log());
            WebUi ui = new WebUi(graph, portfolio, options.allowsAnonymousRead());
            Javalin app = Javalin.create(config -> configure(config, options, spool, json, api.endpoints(),
                    authenticator, metrics, accessLog, ui));
            app.start(options.bind(), options.port());
            Server server = new Server(graph, jobs, dispatch, app, options, ui);
            jobs.resume();
            return server;
        } catch (Exception e) {
            if (jobs != null) {
                jobs.close();
            }
            close(dispatch);
            graph.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * This server's spool, or the queue with {@code --queue}. Workers share the graph from other machines, which
     * only a database server can give: an SQLite file is refused rather than left to workers that cannot reach it.
     */
    private static JobDispatch dispatch(ServerOptions options, GraphAccess graph, Spool spool, JobRunner jobs) {
        if (options.queue() == null) {
            return JobDispatch.spooled(spool, jobs);
        }
        Worker.requireSharedDatabase(graph.location());
        return new QueueDispatch(options.queue(), graph, "supplygraph serve " + ProcessHandle.current().pid());
    }

    private static void close(JobDispatch dispatch) {
        if (dispatch instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the job queue: " + e.getMessage(), e);
            }
        }
    }

    private static void configure(JavalinConfig config, ServerOptions options, Spool spool, ObjectMapper json,
            List<Endpoint> endpoints, Authenticator authenticator, Metrics metrics, AccessLog accessLog, WebUi ui) {
        config.startup.showJavalinBanner = false;
        config.jsonMapper(new JavalinJackson(json, false));
        config.jetty.multipartConfig.cacheDirectory(spool.multipartFolder().toString());
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.jetty.multipartConfig.maxFileSize(options.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.modifyServer(server -> server.setStopTimeout(DRAIN_MILLIS));
        config.router.ignoreTrailingSlashes = true;
        Problems.register(config.routes);
        for (Endpoint endpoint : endpoints) {
            Handler guarded = ctx -> {
                ctx.attribute(ROUTE, endpoint.path());
                authenticator.check(ctx, endpoint.access());
                endpoint.handler().handle(ctx);
            };
            config.routes.addHttpHandler(endpoint.method(), endpoint.path(), guarded);
        }
        ui.register(config);
        config.requestLogger.http((ctx, millis) -> {
            String matched = ctx.attribute(ROUTE);
            String route = matched == null ? "unmatched" : matched;
            metrics.request(ctx.method().name(), route, ctx.statusCode(), (long) (millis * 1_000_000));
            accessLog.log(ctx.ip(), ctx.attribute(Authenticator.TOKEN_NAME), ctx.method().name(), target(ctx),
                    ctx.statusCode(), millis);
        });
    }

    private static String target(Context ctx) {
        String query = ctx.queryString();
        return query == null ? ctx.path() : ctx.path() + "?" + query;
    }

    static String version() {
        String v = Server.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** The database, as the user may see it (no password). */
    public String location() {
        return graph.location();
    }

    /**
     * Every route the server answers other than the UI's pages, as {@code "GET /api/v1/stats"}: what the OpenAPI test
     * holds the document to.
     */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .filter(route -> !ui.routes().contains(route))
                .sorted()
                .toList();
    }

    public int port() {
        return app.port();
    }

    public URI url() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return URI.create("http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port() + "/");
    }

    /**
     * Stops accepting requests, lets those in flight finish (up to 30 s), lets the running job finish, and closes
     * the database. Queued jobs stay in the spool for the next start.
     */
    public void stop() {
        app.stop();
        try {
            jobs.drain(DRAIN_MILLIS / 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jobs.close();
        close(dispatch);
        graph.close();
    }

    /**
     * Blocks until the JVM is told to end, stopping this server on the way out as {@link #stop()} does. SIGTERM and
     * SIGINT then end the JVM with exit code 0: left to the JVM, they run the same shutdown but exit with 128 + the
     * signal's number (143 for SIGTERM), which systemd and CI runners report as a failure, though a server that
     * drained is a clean stop. Any other end (an exit with a code of its own) keeps its code.
     */
    public void serveUntilStopped() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            stopped.countDown();
        }, "supplygraph-stop"));
        // A shutdown hook cannot change the exit code the signal set; only a handler of the signal itself can.
        // sun.misc.Signal is the JDK's one way to install one (jdk.unsupported, kept open by JEP 260), hence
        // javac's warning about a proprietary API.
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> System.exit(0));
        }
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }
}
