package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.server.Server;
import io.supplygraph.store.MissingGraphException;
import io.supplygraph.server.ServerOptions;
import io.supplygraph.server.ops.AccessLog;
import io.supplygraph.ingest.osv.OsvSync;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the graph over a REST API (/api/v1, described at /api/v1/openapi.json), with /health,"
                + " /ready and /metrics.",
                "Writes (uploads, deletes) need a token with scope write ('supplygraph token create'); reads need a"
                        + " token too, unless anonymous reads are allowed (by default only on loopback).",
                "With --queue, every upload becomes a job on NATS JetStream (answered 202 once NATS has it) for"
                        + " 'supplygraph worker' processes to ingest; the graph must then be in PostgreSQL.",
                "SIGTERM or Ctrl-C stops it: requests in flight finish first, then it exits with code 0."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerOptions.DEFAULT_BIND,
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerOptions.DEFAULT_PORT,
            description = "Port to listen on (default ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--allow-anonymous-read", negatable = true, paramLabel = "",
            description = "Let requests without a token read (default: on when bound to loopback, off otherwise).")
    Boolean anonymousRead;

    @Option(names = "--spool", paramLabel = "DIR",
            description = "Where uploads wait on disk until ingested (default ~/.supplygraph/spool/PORT).")
    Path spool;

    @Option(names = "--access-log", paramLabel = "FORMAT", defaultValue = "text",
            description = "One line per request on stdout: text, json or off (default ${DEFAULT-VALUE}).")
    String accessLog;

    @Option(names = "--max-upload", paramLabel = "BYTES",
            description = "The most bytes one upload may have, as sent (default 8 GiB, the CLI's limit per source).")
    Long maxUpload;

    @Option(names = "--ingest-threads", paramLabel = "N", defaultValue = "1",
            description = "Uploads parsed and stored at once (default ${DEFAULT-VALUE}; more helps on PostgreSQL with"
                    + " cores to spare). Reads never wait for uploads.")
    int ingestThreads;

    @Option(names = "--osv-url", paramLabel = "URL",
            description = "Where POST /api/v1/advisories/sync downloads OSV's exports. Default: $SUPPLYGRAPH_OSV_URL,"
                    + " else OSV's own.")
    String osvUrl;

    @Mixin
    QueueOption queue;

    @Option(names = "--create",
            description = "Create an empty graph when there is none at --db (without it, a missing graph is an error,"
                    + " so that a mistyped --db does not serve an empty graph).")
    boolean create;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AccessLog.Format format;
        try {
            format = AccessLog.Format.of(accessLog);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--access-log is text, json or off, not " + accessLog);
        }
        if (!create) {
            requireGraph();
        }
        Path spoolFolder = spool != null ? spool
                : Supplygraph.DEFAULT_DATABASE.resolveSibling("spool").resolve(Integer.toString(port));
        ServerOptions defaults = ServerOptions.defaults(store.location(), spoolFolder);
        ServerOptions options = defaults.withBind(bind).withPort(port).withAnonymousRead(anonymousRead)
                .withAccessLog(format, System.out).withIngestThreads(ingestThreads)
                .withOsv(new ServerOptions.OsvSource(osvBase(), Supplygraph.DEFAULT_DATABASE.resolveSibling("osv")))
                .withLimits(maxUpload == null ? defaults.maxUploadBytes() : maxUpload, defaults.maxPending(),
                        defaults.maxJobs())
                .withQueue(queue.given() ? queue.options() : null);
        Server server = Server.start(options);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Supplygraph serves %s at %s%s%n", server.location(), server.url(),
                options.allowsAnonymousRead() ? " (reads need no token)" : " (reads need a token)");
        out.flush();
        server.serveUntilStopped();
        return 0;
    }

    /** Opened and closed at once: the server opens it again, and the second open in one JVM costs milliseconds. */
    private void requireGraph() {
        try {
            store.open().close();
        } catch (MissingGraphException e) {
            throw new IllegalStateException(StoreOption.missing(e) + ", or `supplygraph serve --create` to serve an"
                    + " empty one", e);
        }
    }

    /** As {@code osv sync} finds it: the option, else the environment, else OSV's own bucket. */
    private URI osvBase() {
        return BaseUrl.of(osvUrl, OsvCommand.Sync.URL_ENVIRONMENT, OsvSync.DEFAULT_BASE);
    }
}
